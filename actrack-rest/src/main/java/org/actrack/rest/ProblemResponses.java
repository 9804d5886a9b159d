package org.actrack.rest;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.EnumSet;
import java.util.Set;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.actrack.rest.RestProblem.RestException;

/**
 * Every error of actrack's resources as {@code application/problem+json} (RFC 9457) with actrack's code: bad
 * parameters are 400 or 404 and logged at DEBUG only; actrack's own failures are 500 (logged with their cause),
 * conflicts between concurrent transactions 503. Registered by {@link ActrackRestApplication} only, so they never
 * handle the application's own resources. Internal: public only so that the runtime can instantiate them.
 */
public final class ProblemResponses {

    /** The problem document's media type. */
    static final String PROBLEM_JSON = "application/problem+json";

    private static final System.Logger LOGGER = System.getLogger(ProblemResponses.class.getName());

    /** What a request can get wrong in a query: its cursor, page size, level or verbs. */
    private static final Set<ErrorCode> BAD_REQUEST = EnumSet.of(ErrorCode.INVALID_CURSOR, ErrorCode.INVALID_PAGE_SIZE,
            ErrorCode.UNKNOWN_LEVEL, ErrorCode.LEVEL_OUT_OF_RANGE, ErrorCode.VERB_BLANK, ErrorCode.VERB_MISSING,
            ErrorCode.VERB_TOO_LONG);

    private ProblemResponses() {
    }

    static Response problem(Status status, ErrorCode code, String detail) {
        JsonObjectBuilder problem = ActivityJson.BUILDERS.createObjectBuilder().add("type", "about:blank").add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode()).add("detail", detail);
        if (code != null) {
            problem.add("code", code.text());
        }
        return Response.status(status).type(PROBLEM_JSON).entity(problem.build().toString()).build();
    }

    /** Problems of actrack-rest's own: parameters, the caller, unknown actions. */
    public static final class ForRestProblems implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException problem) {
            LOGGER.log(System.Logger.Level.DEBUG, problem.getMessage());
            return problem(problem.status(), problem.code(), problem.detail());
        }
    }

    /** Problems the engine reports: a bad cursor, size, level or verb is the client's; the rest is ours. */
    public static final class ForActrackExceptions implements ExceptionMapper<ActrackException> {
        @Override
        public Response toResponse(ActrackException problem) {
            String detail = problem.getMessage().substring(problem.code().text().length() + 2);
            if (BAD_REQUEST.contains(problem.code())) {
                LOGGER.log(System.Logger.Level.DEBUG, problem.getMessage());
                return problem(Status.BAD_REQUEST, problem.code(), detail);
            }
            if (problem.isRetryable()) {
                LOGGER.log(System.Logger.Level.DEBUG, problem.getMessage());
                return Response.fromResponse(problem(Status.SERVICE_UNAVAILABLE, problem.code(), detail)).header("Retry-After", "1").build();
            }
            LOGGER.log(System.Logger.Level.ERROR, "actrack-rest could not answer a request", problem);
            return problem(Status.INTERNAL_SERVER_ERROR, problem.code(), detail);
        }
    }

    /** The runtime's own errors (no such resource, method not allowed, unacceptable media type…), as problems. */
    public static final class ForHttpErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException error) {
            Response response = error.getResponse();
            Status status = Status.fromStatusCode(response.getStatus());
            LOGGER.log(System.Logger.Level.DEBUG, "actrack-rest answered {0}: {1}", response.getStatus(), error.getMessage());
            if (status == null) {
                return response;
            }
            Response.ResponseBuilder problem = Response.fromResponse(problem(status, null, status.getReasonPhrase()));
            response.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(value -> problem.header(name, value));
                }
            });
            return problem.build();
        }
    }
}
