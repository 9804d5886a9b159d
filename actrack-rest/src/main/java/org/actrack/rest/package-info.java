/**
 * actrack over HTTP: the current user's feed, unread count and read marks as plain JSON and as W3C Activity
 * Streams 2.0, with errors as {@code application/problem+json} (RFC 9457). Add the jar to a WAR that has
 * actrack-cdi; {@link org.actrack.rest.ActrackRestApplication} serves it under {@code /activity}.
 *
 * <p>Who the caller is comes from the container's security ({@code SecurityContext}'s principal) through a
 * {@link org.actrack.rest.RestUsers} bean; a caller reads and changes only their own feed.
 */
package org.actrack.rest;
