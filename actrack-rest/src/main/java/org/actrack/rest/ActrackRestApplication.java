/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * actrack's HTTP resources, served under {@code /activity} of the WAR. To serve them elsewhere, map this class in
 * {@code web.xml} (the standard way to override an {@code @ApplicationPath}):
 *
 * <pre>{@code
 * <servlet-mapping>
 *     <servlet-name>org.actrack.rest.ActrackRestApplication</servlet-name>
 *     <url-pattern>/feeds/*</url-pattern>
 * </servlet-mapping>
 * }</pre>
 *
 * The resources answer only under this application: an application of the WAR's own that includes every
 * resource class it finds does not expose them a second time (they answer 404 there).
 */
@ApplicationPath("activity")
public class ActrackRestApplication extends Application {

    /** The property by which the resources know they are served by this application and not another one of the WAR. */
    static final String SERVED_BY_ACTRACK = "org.actrack.rest.served-by-actrack";

    @Override
    public Map<String, Object> getProperties() {
        // Jersey describes an application in WADL at OPTIONS and application.wadl: actrack's is documented by OpenAPI.
        return Map.of(SERVED_BY_ACTRACK, Boolean.TRUE, "jersey.config.server.wadl.disableWadl", Boolean.TRUE);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                FeedResource.class,
                PersonalDataResource.class,
                LiveFeedResource.class,
                ObjectsResource.class,
                ActionsResource.class,
                TrackersResource.class,
                PathCheck.class,
                ProblemResponses.ForRestProblems.class,
                ProblemResponses.ForActrackExceptions.class,
                ProblemResponses.ForHttpErrors.class,
                ProblemResponses.ForUnexpectedFailures.class);
    }
}
