/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.jms;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.actrack.spi.ActionExporter;
import org.actrack.spi.ExportedEvent;
import org.actrack.spi.SettingsSource;

/**
 * The application's {@link ActionExporter} when actrack-jms's jar is in it: a {@link JmsActionExporter} on the
 * connection factory and destination that {@code actrack.jms.connection-factory} and {@code actrack.jms.destination}
 * name in JNDI (read where actrack reads its other settings). A missing setting, or a name JNDI does not know, stops
 * the application's start, naming the key.
 *
 * <p>Each batch is sent in a transaction of its own ({@link Transactional.TxType#REQUIRES_NEW}): in a Jakarta EE
 * server the server's connection factory joins it, so the broker takes the batch whole when it commits, or none of it.
 */
@ApplicationScoped
public class JmsExporter implements ActionExporter {

    private static final System.Logger LOGGER = System.getLogger(JmsExporter.class.getName());

    @Inject
    SettingsSource source;

    private JmsActionExporter exporter;

    @PostConstruct
    void connect() {
        JmsSettings settings = JmsSettings.from(source::value);
        try {
            exporter = settings.exporter(new InitialContext());
        } catch (NamingException noNaming) {
            throw new ActrackException(
                    ErrorCode.INVALID_SETTING,
                    "actrack-jms looks up " + settings.destination + " in JNDI, which is not available here: "
                            + noNaming.getMessage(),
                    noNaming);
        }
        LOGGER.log(System.Logger.Level.INFO, "actrack exports the outbox to Jakarta Messaging: {0}", settings);
    }

    /** Connects when the application starts, so that a bad setting stops the start. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // The container creates the bean for this observer: connect() has run.
    }

    @Override
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public void export(List<ExportedEvent> events) throws Exception {
        exporter.export(events);
    }
}
