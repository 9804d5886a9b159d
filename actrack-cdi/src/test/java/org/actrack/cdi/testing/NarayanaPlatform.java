/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi.testing;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import org.eclipse.persistence.platform.server.ServerPlatformBase;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.ExternalTransactionController;
import org.eclipse.persistence.transaction.JTA11TransactionController;

/** Tells EclipseLink that JTA transactions come from Narayana, as a server would. Test-only. */
public class NarayanaPlatform extends ServerPlatformBase {

    public NarayanaPlatform(DatabaseSession session) {
        super(session);
    }

    @Override
    public Class<? extends ExternalTransactionController> getExternalTransactionControllerClass() {
        return Controller.class;
    }

    /** EclipseLink's JTA 1.1 controller over Narayana's transaction manager and registry. */
    public static class Controller extends JTA11TransactionController {
        public Controller() {
            super(
                    new TransactionSynchronizationRegistryImple(),
                    com.arjuna.ats.jta.TransactionManager.transactionManager());
        }
    }
}
