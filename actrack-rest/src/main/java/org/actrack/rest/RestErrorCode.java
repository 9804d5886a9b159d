/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

/**
 * The codes of the problems actrack-rest reports itself (900–999), as {@code code} of its problem documents and at the
 * start of their {@code detail}; the engine's codes (100–899) are {@link org.actrack.ErrorCode}'s. docs/http.md lists
 * them, and a test compares its table with this enum.
 */
enum RestErrorCode {
    /** {@code actrack.user-type} is unset and the application has no {@code RestUsers} bean of its own. */
    USER_TYPE_MISSING(901),
    /** The request carries no authenticated caller (HTTP 401). */
    NOT_AUTHENTICATED(902),
    /** The authenticated caller has no user entity (HTTP 403). */
    NO_USER(903),
    /** A query or path parameter is not of its type or out of its range (HTTP 400). */
    INVALID_PARAMETER(904),
    /** No action has the requested id (HTTP 404). */
    UNKNOWN_ACTION(905),
    /** No connected entity has the requested entity name and id (HTTP 404). */
    UNKNOWN_OBJECT(906),
    /** Object and type streams are closed: no {@code ActionVisibility} bean and not configured open (HTTP 404). */
    STREAMS_CLOSED(907),
    /** The caller may not read or change this (another user's action, tracker or stream) (HTTP 403). */
    NOT_YOURS(908),
    /** The caller holds as many live feeds as {@code actrack.rest.max-live-feeds} allows (HTTP 429). */
    TOO_MANY_LIVE_FEEDS(909),
    /** The resource has no representation the request's {@code Accept} header allows (HTTP 406). */
    NOT_ACCEPTABLE(910),
    /**
     * A state change ({@code POST}, {@code PUT}, {@code DELETE}) that a page of another site could have
     * sent: its {@code Origin} or {@code Sec-Fetch-Site} names another site, or it lacks {@code X-Requested-With} and
     * a JSON content type (HTTP 403). Nothing was changed.
     */
    CROSS_SITE(911),
    /** No resource has this path (HTTP 404). */
    NOT_FOUND(912),
    /** The resource does not answer this method; {@code Allow} lists those it does (HTTP 405). */
    METHOD_NOT_ALLOWED(913),
    /** The request's body is of a media type the resource does not read (HTTP 415). */
    UNSUPPORTED_MEDIA_TYPE(914),
    /** A request header is malformed ({@code Accept}, {@code Content-Type}, {@code Accept-Language}) (HTTP 400). */
    MALFORMED_HEADER(915),
    /**
     * The change conflicts with the tracker as it is: some verbs cannot be removed from a tracker that
     * follows every verb (HTTP 409).
     */
    TRACKER_CONFLICT(916),
    /** The JAX-RS runtime refused the request for a reason of its own; the detail and status say which. */
    REQUEST_REFUSED(917),
    /** The request failed on the server; the server's log holds the cause (HTTP 500). */
    INTERNAL_ERROR(918);

    private final int number;

    RestErrorCode(int number) {
        this.number = number;
    }

    /** The code as problem documents carry it, for example {@code ACTRACK-904}. */
    String text() {
        return String.format("ACTRACK-%03d", number);
    }

    @Override
    public String toString() {
        return text();
    }
}
