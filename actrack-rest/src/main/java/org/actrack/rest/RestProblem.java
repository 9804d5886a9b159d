/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.ws.rs.core.Response.Status;
import java.util.Map;
import org.actrack.SettingKeys;

/** Every problem actrack-rest reports itself, with its stable code (900–999) and HTTP status. */
enum RestProblem {
    NO_USER_TYPE(
            RestErrorCode.USER_TYPE_MISSING,
            Status.INTERNAL_SERVER_ERROR,
            SettingKeys.USER_TYPE
                    + " is not set, so actrack-rest cannot find the caller's user: set it, or provide a RestUsers bean"),
    NOT_AUTHENTICATED(RestErrorCode.NOT_AUTHENTICATED, Status.UNAUTHORIZED, "Sign in to read your feed"),
    NO_USER(RestErrorCode.NO_USER, Status.FORBIDDEN, "The caller '%s' has no user with a feed"),
    INVALID_PARAMETER(RestErrorCode.INVALID_PARAMETER, Status.BAD_REQUEST, "The parameter %s must be %s; it is '%s'"),
    UNKNOWN_ACTION(RestErrorCode.UNKNOWN_ACTION, Status.NOT_FOUND, "No action you may read has the id '%s'"),
    UNKNOWN_OBJECT(RestErrorCode.UNKNOWN_OBJECT, Status.NOT_FOUND, "No connected entity '%s' has the id '%s'"),
    UNKNOWN_TYPE(RestErrorCode.UNKNOWN_OBJECT, Status.NOT_FOUND, "No connected entity type is named '%s'"),
    STREAMS_CLOSED(
            RestErrorCode.STREAMS_CLOSED,
            Status.NOT_FOUND,
            "Object and type streams, and following over HTTP, are not"
                    + " served: the application has no ActionVisibility bean and " + RestSettings.OPEN_STREAMS
                    + " is not true"),
    NOT_YOURS(RestErrorCode.NOT_YOURS, Status.FORBIDDEN, "You may not read or follow %s"),
    TOO_MANY_LIVE_FEEDS(
            RestErrorCode.TOO_MANY_LIVE_FEEDS,
            Status.TOO_MANY_REQUESTS,
            "You hold %d live feeds already, as many as " + RestSettings.MAX_LIVE_FEEDS + " allows: close one first"),
    NOT_ACCEPTABLE(RestErrorCode.NOT_ACCEPTABLE, Status.NOT_ACCEPTABLE, "This resource is served as %s"),
    CROSS_SITE(RestErrorCode.CROSS_SITE, Status.FORBIDDEN, "%s"),
    NOT_FOUND(RestErrorCode.NOT_FOUND, Status.NOT_FOUND, "No resource has the path '%s'"),
    METHOD_NOT_ALLOWED(
            RestErrorCode.METHOD_NOT_ALLOWED, Status.METHOD_NOT_ALLOWED, "This resource does not answer %s; see Allow"),
    UNSUPPORTED_MEDIA_TYPE(
            RestErrorCode.UNSUPPORTED_MEDIA_TYPE,
            Status.UNSUPPORTED_MEDIA_TYPE,
            "This resource reads no body of type %s"),
    MALFORMED_HEADER(RestErrorCode.MALFORMED_HEADER, Status.BAD_REQUEST, "The %s header is malformed: %s"),
    TRACKER_CONFLICT(RestErrorCode.TRACKER_CONFLICT, Status.CONFLICT, "%s");

    private final RestErrorCode code;
    private final Status status;
    private final String template;

    RestProblem(RestErrorCode code, Status status, String template) {
        this.code = code;
        this.status = status;
        this.template = template;
    }

    RestException exception(Object... arguments) {
        return new RestException(code, status, String.format(template, arguments), Map.of());
    }

    /** The problem with a header of its own ({@code WWW-Authenticate}, {@code Retry-After}…). */
    RestException exceptionWithHeader(String header, String value, Object... arguments) {
        return new RestException(code, status, String.format(template, arguments), Map.of(header, value));
    }

    /** A problem of a request, answered as {@code application/problem+json}. */
    static final class RestException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final RestErrorCode code;
        private final Status status;
        private final transient Map<String, String> headers;

        RestException(RestErrorCode code, Status status, String detail, Map<String, String> headers) {
            super(code.text() + ": " + detail, null, false, false);
            this.code = code;
            this.status = status;
            this.headers = Map.copyOf(headers);
        }

        /** Headers the answer carries besides the problem. */
        Map<String, String> headers() {
            return headers;
        }

        RestErrorCode code() {
            return code;
        }

        Status status() {
            return status;
        }

        String detail() {
            return getMessage().substring(code.text().length() + 2);
        }
    }
}
