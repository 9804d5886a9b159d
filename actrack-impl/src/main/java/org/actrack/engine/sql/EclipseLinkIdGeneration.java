/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sequencing.Sequence;
import org.eclipse.persistence.sessions.Session;

/**
 * Whether an EclipseLink persistence unit numbers an entity on insert (see {@link ProviderHooks#numbersOnInsert}):
 * on a platform without sequence objects ({@code MySQLPlatform}) a {@code SEQUENCE} generator becomes the table's
 * {@code AUTO_INCREMENT}, so ids taken from the sequence would meet the ones the database hands out.
 */
final class EclipseLinkIdGeneration {

    private EclipseLinkIdGeneration() {}

    static boolean numbersOnInsert(Object unwrappedSession, Class<?> entity) {
        if (unwrappedSession instanceof Session session) {
            ClassDescriptor descriptor = session.getDescriptor(entity);
            if (descriptor != null && descriptor.usesSequenceNumbers()) {
                Sequence sequence = descriptor.getSequence();
                if (sequence == null) {
                    sequence = session.getPlatform().getSequence(descriptor.getSequenceNumberName());
                }
                return sequence == null || sequence.shouldAcquireValueAfterInsert();
            }
        }
        return false;
    }
}
