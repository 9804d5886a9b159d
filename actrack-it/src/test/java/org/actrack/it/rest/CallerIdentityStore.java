/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;

/** The test application's callers, signed in with HTTP Basic: alice, bob and carol, whose passwords are their names reversed. */
@BasicAuthenticationMechanismDefinition(realmName = "actrack-it")
@ApplicationScoped
public class CallerIdentityStore implements IdentityStore {

    public static final Map<String, String> PASSWORDS = Map.of("alice", "ecila", "bob", "bob", "carol", "lorac");

    /** The password of a measurement's reader ({@code reader-1} … made by {@code POST api/fixture/readers/{n}}). */
    public static String readerPassword(String reader) {
        return reader + "-pw";
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential caller
                && (caller.getPasswordAsString().equals(PASSWORDS.get(caller.getCaller()))
                        || caller.getCaller().startsWith("reader-")
                                && caller.getPasswordAsString().equals(readerPassword(caller.getCaller())))) {
            return new CredentialValidationResult(caller.getCaller());
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
