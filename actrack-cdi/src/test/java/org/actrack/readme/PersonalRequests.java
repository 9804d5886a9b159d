/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

// spotless:off (the documentation shows this file as it is laid out here)

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.actrack.ActionLog;
import org.actrack.PersonalData;

/** docs/guide.md, "Personal data": a member's access and erasure requests. */
@ApplicationScoped
public class PersonalRequests {

    @Inject
    ActionLog log;

    /** An access request: the document to send the member. */
    public String access(Member member) {
        String document = log.personalData().export(member);
        return document;
    }

    /** An erasure request, in the application's transaction (which then removes the member). */
    @Transactional
    public PersonalData.Erasure erasure(Member member) {
        PersonalData.Erasure erased = log.personalData().erase(member);
        return erased;
    }
}
// spotless:on
