package io.github.camellivedesk.springboot;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

import io.github.camellivedesk.LiveDeskComponent;

/**
 * Configures the {@code livedesk} component from {@code camel.component.livedesk.*}, the camel-spring-boot way: a
 * {@link ComponentCustomizer} that Camel applies when it creates the component. Off with
 * {@code camel.component.livedesk.enabled=false} (or {@code camel.component.enabled=false}).
 * <p>
 * Only the options the application set are copied, so a component's own defaults (and a component bean the
 * application configured itself) are not overwritten with the catalog defaults the properties class shows the IDE. An
 * option the component does not have fails the start-up, naming the property, instead of being dropped.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", LiveDeskComponentConfiguration.PREFIX })
@EnableConfigurationProperties(LiveDeskComponentConfiguration.class)
public class LiveDeskComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureLiveDeskComponent(ApplicationContext applicationContext,
            LiveDeskComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                bind(target.getCamelContext(), applicationContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof LiveDeskComponent
                        && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                                LiveDeskComponentConfiguration.PREFIX + ".customizer");
            }
        };
    }

    static void bind(CamelContext camelContext, ApplicationContext applicationContext,
            LiveDeskComponentConfiguration configuration, Component target) {
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Object> values = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        // the whole configuration object first: the single options then refine it rather than being replaced by it
        if (values.containsKey("configuration")) {
            options.put("configuration", values.remove("configuration"));
        }
        values.remove("enabled");
        options.putAll(values);
        options.keySet().removeIf(option -> !isSet(applicationContext, option));
        if (options.isEmpty()) {
            return;
        }
        // the configurer is ready once the component is initialized
        ServiceHelper.initService(target);
        for (Map.Entry<String, Object> option : options.entrySet()) {
            String property = LiveDeskComponentConfiguration.PREFIX + "."
                    + StringHelper.camelCaseToDash(option.getKey());
            boolean bound;
            try {
                bound = PropertyBindingSupport.build().withConfigurer(target.getComponentPropertyConfigurer())
                        .withIgnoreCase(true).bind(camelContext, target, option.getKey(), option.getValue());
            } catch (PropertyBindingException e) {
                // Camel's message repeats the value, which may be a secret: name the property only
                throw new IllegalStateException(property + " cannot be set on the livedesk component ("
                        + e.getClass().getSimpleName() + "). Check its value and type.");
            }
            if (!bound) {
                throw new IllegalStateException(property + " is not an option of the livedesk component in use. "
                        + "Remove it, or use camel-livedesk and camel-livedesk-starter of "
                        + "the same version.");
            }
        }
    }

    /** Whether the application set the option, in any of Spring's relaxed forms. */
    private static boolean isSet(ApplicationContext applicationContext, String option) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(LiveDeskComponentConfiguration.PREFIX + "."
                + StringHelper.camelCaseToDash(option)
                        .toLowerCase(Locale.ENGLISH));
        for (ConfigurationPropertySource source : ConfigurationPropertySources
                .get(applicationContext.getEnvironment())) {
            if (source.getConfigurationProperty(name) != null) {
                return true;
            }
        }
        return false;
    }
}
