/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Trains and stations, and making trains move. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RailwayResource {

    /** A train as the page shows it. */
    public record TrainView(long id, String name, String location, String headingTo, boolean retired) {}

    /** A station. */
    public record NamedView(long id, String name) {}

    @Inject
    Railway railway;

    @GET
    @Path("trains")
    public List<TrainView> trains() {
        return railway.trains().stream()
                .map(t -> new TrainView(
                        t.getId(), t.getName(), name(t.getLocation()), name(t.getHeadingTo()), t.isRetired()))
                .toList();
    }

    @GET
    @Path("stations")
    public List<NamedView> stations() {
        return railway.stations().stream()
                .map(s -> new NamedView(s.getId(), s.getName()))
                .toList();
    }

    @POST
    @Path("trains/{id}/depart")
    public void depart(@PathParam("id") long id, @QueryParam("to") long destination) {
        railway.depart(id, destination);
    }

    @POST
    @Path("trains/{id}/arrive")
    public void arrive(@PathParam("id") long id) {
        railway.arrive(id);
    }

    @POST
    @Path("trains/{id}/retire")
    public void retire(@PathParam("id") long id) {
        railway.retire(id);
    }

    private static String name(Station station) {
        return station == null ? null : station.getName();
    }
}
