package org.actrack.rest;

import jakarta.enterprise.context.ApplicationScoped;

/** {@link ObjectPresentation}'s defaults: {@code toString()} names, actrack's own addresses. */
@ApplicationScoped
public class DefaultObjectPresentation implements ObjectPresentation {
}
