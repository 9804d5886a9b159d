package org.actrack.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.actrack.ErrorCode;

/**
 * Refuses a malformed {@code Accept} header with a 400 problem before the JAX-RS runtime reads it: RESTEasy
 * (WildFly) logs such headers as errors with a stack trace, and answers with an HTML page. A servlet filter on
 * actrack's application only (its servlet bears the application's class name), so the application's own
 * resources are untouched. Internal: public only so that the container can instantiate it.
 */
@WebFilter(filterName = "org.actrack.rest.AcceptHeaderCheck", servletNames = "org.actrack.rest.ActrackRestApplication",
        asyncSupported = true)
public final class AcceptHeaderCheck extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        for (String header : Collections.list(request.getHeaders("Accept"))) {
            for (String range : header.split(",")) {
                if (!range.isBlank() && !isMediaRange(range.strip())) {
                    Response problem = ProblemResponses.problem(Response.Status.BAD_REQUEST, ErrorCode.REST_INVALID_PARAMETER,
                            "The Accept header holds a malformed media range: '" + shortened(range.strip()) + "'");
                    response.setStatus(problem.getStatus());
                    response.setContentType(ProblemResponses.PROBLEM_JSON);
                    response.getOutputStream().write(((String) problem.getEntity()).getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isMediaRange(String range) {
        try {
            MediaType type = MediaType.valueOf(range);
            String q = type.getParameters().get("q");
            if (q != null) {
                float weight = Float.parseFloat(q);
                return weight >= 0 && weight <= 1;
            }
            return true;
        } catch (IllegalArgumentException malformed) {
            // NumberFormatException too.
            return false;
        }
    }

    private static String shortened(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }
}
