/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.EnumSet;
import java.util.Set;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.actrack.rest.RestProblem.RestException;

/**
 * Every error of actrack's resources as {@code application/problem+json} (RFC 9457) with actrack's code: bad
 * parameters are 400 or 404 and logged at DEBUG only; actrack's own failures are 500 (logged with their cause),
 * conflicts between concurrent transactions 503; the runtime's own refusals (no such path, method, media type) carry
 * codes too. Registered by {@link ActrackRestApplication} only, so they never handle the application's own resources.
 * Internal: public only so that the runtime can instantiate them.
 */
public final class ProblemResponses {

    /** The problem document's media type. */
    static final String PROBLEM_JSON = "application/problem+json";

    private static final System.Logger LOGGER = System.getLogger(ProblemResponses.class.getName());

    /** What a request can get wrong in a query: its cursor, page size, level or verbs. */
    private static final Set<ErrorCode> BAD_REQUEST = EnumSet.of(
            ErrorCode.UNKNOWN_STREAM,
            ErrorCode.INVALID_STREAM_ARGUMENT,
            ErrorCode.INVALID_FLAG,
            ErrorCode.INVALID_CURSOR,
            ErrorCode.INVALID_PAGE_SIZE,
            ErrorCode.UNKNOWN_LEVEL,
            ErrorCode.LEVEL_OUT_OF_RANGE,
            ErrorCode.VERB_BLANK,
            ErrorCode.VERB_MISSING,
            ErrorCode.VERB_TOO_LONG);

    private ProblemResponses() {}

    /** The problem document, as JSON text. */
    static String document(Status status, String code, String detail) {
        JsonObjectBuilder problem = ActivityJson.BUILDERS
                .createObjectBuilder()
                .add("type", "about:blank")
                .add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode())
                .add("detail", detail);
        if (code != null) {
            problem.add("code", code);
        }
        return problem.build().toString();
    }

    static Response problem(Status status, String code, String detail) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(document(status, code, detail))
                .build();
    }

    /** Problems of actrack-rest's own: parameters, the caller, unknown actions. */
    public static final class ForRestProblems implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException problem) {
            LOGGER.log(System.Logger.Level.DEBUG, problem.getMessage());
            Response.ResponseBuilder response = Response.fromResponse(
                    problem(problem.status(), problem.code().text(), problem.detail()));
            problem.headers().forEach(response::header);
            return response.build();
        }
    }

    /** Problems the engine reports: a bad cursor, size, level or verb is the client's; the rest is ours. */
    public static final class ForActrackExceptions implements ExceptionMapper<ActrackException> {
        @Override
        public Response toResponse(ActrackException problem) {
            String detail = problem.getMessage().substring(problem.code().text().length() + 2);
            if (BAD_REQUEST.contains(problem.code())) {
                LOGGER.log(System.Logger.Level.DEBUG, problem.getMessage());
                return problem(Status.BAD_REQUEST, problem.code().text(), detail);
            }
            if (problem.isRetryable()) {
                LOGGER.log(System.Logger.Level.DEBUG, problem.getMessage());
                return Response.fromResponse(problem(
                                Status.SERVICE_UNAVAILABLE, problem.code().text(), detail))
                        .header("Retry-After", "1")
                        .build();
            }
            LOGGER.log(
                    System.Logger.Level.ERROR,
                    problem.code().text() + ": actrack-rest could not answer a request",
                    problem);
            return problem(Status.INTERNAL_SERVER_ERROR, problem.code().text(), detail);
        }
    }

    /**
     * The runtime's own refusals as problems with actrack's codes: no resource at the path (404), a method the
     * resource does not answer (405, with its {@code Allow}), no acceptable representation (406), a body of a type
     * no resource reads (415); any other with {@link RestErrorCode#REQUEST_REFUSED}.
     */
    public static final class ForHttpErrors implements ExceptionMapper<WebApplicationException> {

        @Context
        UriInfo uri;

        @Context
        Request request;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException error) {
            Response response = error.getResponse();
            Status status = Status.fromStatusCode(response.getStatus());
            LOGGER.log(
                    System.Logger.Level.DEBUG,
                    "actrack-rest answered {0}: {1}",
                    response.getStatus(),
                    error.getMessage());
            if (status == null) {
                status = response.getStatus() >= 500 ? Status.INTERNAL_SERVER_ERROR : Status.BAD_REQUEST;
            }
            RestException problem = switch (status) {
                case NOT_FOUND -> RestProblem.NOT_FOUND.exception(RequestParameters.shortened(uri.getPath()));
                case METHOD_NOT_ALLOWED -> RestProblem.METHOD_NOT_ALLOWED.exception(request.getMethod());
                case NOT_ACCEPTABLE ->
                    RestProblem.NOT_ACCEPTABLE.exception("the representations its documentation lists");
                case UNSUPPORTED_MEDIA_TYPE ->
                    RestProblem.UNSUPPORTED_MEDIA_TYPE.exception(
                            headers.getMediaType() == null
                                    ? "none"
                                    : headers.getMediaType().toString());
                default ->
                    new RestException(
                            response.getStatus() >= 500 ? RestErrorCode.INTERNAL_ERROR : RestErrorCode.REQUEST_REFUSED,
                            status,
                            status.getReasonPhrase(),
                            java.util.Map.of());
            };
            Response.ResponseBuilder answer = Response.fromResponse(
                    problem(problem.status(), problem.code().text(), problem.detail()));
            response.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(value -> answer.header(name, value));
                }
            });
            return answer.build();
        }
    }

    /** A failure nobody foresaw: 500 with {@link RestErrorCode#INTERNAL_ERROR}, its cause in the log only. */
    public static final class ForUnexpectedFailures implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException failure) {
            LOGGER.log(
                    System.Logger.Level.ERROR,
                    RestErrorCode.INTERNAL_ERROR.text() + ": actrack-rest could not answer a request",
                    failure);
            return problem(
                    Status.INTERNAL_SERVER_ERROR,
                    RestErrorCode.INTERNAL_ERROR.text(),
                    "actrack-rest could not answer this request; the server's log says why");
        }
    }
}
