/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.security.Principal;
import java.util.Optional;

/**
 * Maps the caller's principal to the user entity whose feed they read. The default finds the entity of
 * {@code actrack.user-type} whose {@code actrack.rest.user-attribute} (default {@code name}) equals the
 * principal's name; an application replaces it with an {@code @Alternative @Priority(…)} bean of this type:
 *
 * <pre>{@code
 * @Alternative @Priority(APPLICATION) @ApplicationScoped
 * class AccountUsers implements RestUsers {
 *     @Inject Accounts accounts;
 *     public Optional<Object> user(Principal principal) {
 *         return accounts.byLogin(principal.getName()).map(Object.class::cast);
 *     }
 * }
 * }</pre>
 */
public interface RestUsers {

    /**
     * The user entity of an authenticated caller.
     *
     * @param principal the caller, as the container's security established it
     * @return the user entity, or empty when the caller has no user (the request is then refused with 403)
     */
    Optional<Object> user(Principal principal);
}
