package io.github.camellivedesk.examples.quarkus;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.apache.camel.CamelExecutionException;

import io.github.camellivedesk.error.LiveDeskException;
import io.github.camellivedesk.error.LiveDeskHttpException;

/**
 * POST /orders when LiveDesk did not take the order update: 503 with Retry-After when sending again can succeed (an
 * outage, a rate limit), 502 when it cannot as it is (a refusal); the reason in the body, no stack trace.
 */
@Provider
public class LiveDeskFailureMapper implements ExceptionMapper<CamelExecutionException> {

    @Override
    public Response toResponse(CamelExecutionException failure) {
        if (!(failure.getCause() instanceof LiveDeskException livedesk)) {
            return Response.serverError().type(MediaType.TEXT_PLAIN).entity("The order update failed").build();
        }
        Response.ResponseBuilder answer = Response.status(livedesk.isRetryable() ? 503 : 502)
                .type(MediaType.TEXT_PLAIN).entity("LiveDesk did not take the order update: " + livedesk.getMessage());
        if (livedesk.isRetryable()) {
            long seconds = livedesk instanceof LiveDeskHttpException http
                    ? http.getRetryAfter().map(wait -> Math.max(1, wait.toSeconds())).orElse(30L)
                    : 30L;
            answer.header("Retry-After", seconds);
        }
        return answer.build();
    }
}
