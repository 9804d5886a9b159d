/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;

/**
 * Who may sign in to the demo: alice, bob and carol, with the passwords below (printed when the demo starts), through
 * a sign-in form (Jakarta Security). The session remembers the caller, so the page's requests and its live feed
 * (an {@code EventSource}, which cannot send headers) are the caller's. A real application brings its own store.
 */
@FormAuthenticationMechanismDefinition(
        loginToContinue =
                @LoginToContinue(
                        loginPage = "/login.html",
                        errorPage = "/login.html?failed",
                        useForwardToLogin = false))
@ApplicationScoped
public class DemoLogin implements IdentityStore {

    /** The demo's users and their passwords. */
    public static final Map<String, String> PASSWORDS =
            Map.of("alice", "wonderland", "bob", "builder", "carol", "christmas");

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential caller
                && caller.getPasswordAsString().equals(PASSWORDS.get(caller.getCaller()))) {
            return new CredentialValidationResult(caller.getCaller());
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
