/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.actrack.ActrackException;
import org.actrack.engine.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/**
 * actrack-jms's settings: the destination is required, the factory defaults to the platform's, and a name JNDI does
 * not know, or that names something else, stops the start naming its key.
 */
class JmsSettingsTest {

    private static JmsSettings read(Map<String, String> values) {
        return JmsSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void withoutADestinationTheApplicationDoesNotStartAndIsToldWhichKeyToSet() {
        assertThatThrownBy(() -> read(Map.of()))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("actrack.jms.destination is not set");
    }

    @Test
    void theConnectionFactoryIsThePlatformsDefaultUnlessNamed() {
        assertThat(read(Map.of("actrack.jms.destination", "java:/jms/queue/actrack")).connectionFactory)
                .isEqualTo("java:comp/DefaultJMSConnectionFactory");
        assertThatThrownBy(() -> read(Map.of(
                        "actrack.jms.destination", "java:/jms/queue/actrack",
                        "actrack.jms.connection-factory", "java:/a factory")))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("actrack.jms.connection-factory");
    }

    @Test
    void aNameJndiDoesNotKnowIsRefusedNamingTheKeyAndTheName() throws Exception {
        JmsSettings settings = read(Map.of(
                "actrack.jms.connection-factory", "ConnectionFactory", "actrack.jms.destination", "jms/nowhere"));

        assertThatThrownBy(() -> settings.exporter(JmsExportTest.naming()))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("actrack.jms.destination is jms/nowhere, which JNDI does not know");
    }

    @Test
    void aNameBoundToSomethingElseIsRefusedNamingWhatItIs() throws Exception {
        JmsSettings settings =
                read(Map.of("actrack.jms.connection-factory", "jms/actrack", "actrack.jms.destination", "jms/actrack"));

        assertThatThrownBy(() -> settings.exporter(JmsExportTest.naming()))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("actrack.jms.connection-factory is jms/actrack")
                .hasMessageContaining("not a jakarta.jms.ConnectionFactory");
    }

    @Test
    void theReferenceDocumentsEverySettingAsDeclared() throws IOException {
        assertThat(ReferenceTable.documented("actrack.jms."))
                .containsExactlyElementsOf(ReferenceTable.declared(JmsSettings.ALL));
    }
}
