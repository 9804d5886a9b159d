/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.rest.visibility;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.util.Optional;
import org.actrack.ObjectRef;
import org.actrack.cdi.fixtures.Station;
import org.actrack.rest.ObjectPresentation;

/** Stations appear under the application's own name and address; everything else as actrack shows it. */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class StationPages implements ObjectPresentation {

    @Override
    public String name(Object object) {
        return object instanceof Station station ? "Gare de " + station : ObjectPresentation.super.name(object);
    }

    @Override
    public Optional<URI> uri(ObjectRef ref, Object object) {
        return object instanceof Station
                ? Optional.of(URI.create("https://stations.example/" + ref.id()))
                : Optional.empty();
    }
}
