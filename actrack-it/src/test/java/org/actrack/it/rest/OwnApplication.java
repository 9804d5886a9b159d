/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

/** The WAR's own JAX-RS application, which includes every resource class it finds, actrack's among them. */
@ApplicationPath("api")
public class OwnApplication extends Application {

    /** A resource of the application's own. */
    @Path("hello")
    public static class Hello {
        @GET
        public String hello() {
            return "hello";
        }
    }
}
