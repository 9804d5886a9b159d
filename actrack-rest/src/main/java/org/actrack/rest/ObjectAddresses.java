package org.actrack.rest;

import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;
import org.actrack.ObjectRef;

/** Names and URIs of objects in one request's representations: the application's presentation, else actrack's address. */
final class ObjectAddresses {

    private final ObjectPresentation presentation;
    private final UriBuilder objects;

    /** @param objects where actrack's address of an object starts: {@code …/objects}, followed by its entity name and id */
    ObjectAddresses(ObjectPresentation presentation, UriBuilder objects) {
        this.presentation = presentation;
        this.objects = objects;
    }

    /** The object's name; empty when the object is gone without a deleted item. */
    String name(Optional<Object> object) {
        return object.map(presentation::name).orElse("");
    }

    /** The object's URI: the application's, else actrack's. */
    String uri(ObjectRef ref, Optional<Object> object) {
        return object.flatMap(found -> presentation.uri(ref, found)).map(Object::toString).orElseGet(() -> actrackAddress(ref));
    }

    /** actrack's address of an object, or of a whole type's stream for a reference without id. */
    String actrackAddress(ObjectRef ref) {
        return ref.isWholeType() ? objects.clone().path(ref.type()).path("actions").build().toString()
                : objects.clone().path(ref.type()).path(ref.id()).build().toString();
    }
}
