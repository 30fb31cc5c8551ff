package io.github.camellivedesk.springboot;

import java.util.Set;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

import io.github.camellivedesk.LiveDeskConfiguration;

/**
 * Lets the object-valued options refer to Spring beans, as in Camel: {@code camel.component.livedesk.http-client=#myClient},
 * {@code camel.component.livedesk.idempotent-repository=#deliveries}
 * (or {@code #bean:myClient}).
 */
@AutoConfiguration
public class LiveDeskComponentConverter {

    @Bean
    @ConfigurationPropertiesBinding
    static GenericConverter liveDeskBeanReferenceConverter(ApplicationContext applicationContext) {
        return new BeanReferenceConverter(applicationContext);
    }

    static final class BeanReferenceConverter implements GenericConverter {

        private final ApplicationContext applicationContext;

        BeanReferenceConverter(ApplicationContext applicationContext) {
            this.applicationContext = applicationContext;
        }

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String.class, LiveDeskConfiguration.class),
                    new ConvertiblePair(String.class, SSLContextParameters.class),
                    new ConvertiblePair(String.class, CloseableHttpAsyncClient.class),
                    new ConvertiblePair(String.class, IdempotentRepository.class));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (source == null) {
                return null;
            }
            String reference = source.toString();
            if (!reference.startsWith("#")) {
                throw new IllegalArgumentException("Refer to a bean as #name or #bean:name, not '" + reference + "'");
            }
            String name = reference.startsWith("#bean:") ? reference.substring(6) : reference.substring(1);
            return applicationContext.getBean(name, targetType.getType());
        }
    }
}
