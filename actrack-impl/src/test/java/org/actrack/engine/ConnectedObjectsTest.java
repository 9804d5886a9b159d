/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.actrack.ObjectRef;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Station;
import org.actrack.engine.fixtures.User;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.Test;

/** Entities named by entity name and id text (as a REST path names them) are found only among connected types. */
class ConnectedObjectsTest extends ActrackContractTest {

    @Test
    void aConnectedEntityIsFoundByItsNameAndIdText() {
        User alice = user("alice");

        assertThat(log.unwrap(Integration.class).connectedType("User")).contains(User.class);
        assertThat(log.unwrap(Integration.class).connectedObject(ObjectRef.of("User", String.valueOf(alice.getId()))))
                .containsInstanceOf(User.class)
                .get()
                .extracting(found -> ((User) found).getId())
                .isEqualTo(alice.getId());
    }

    @Test
    void anEntityThatIsNotConnectedCannotBeAddressed() {
        Station station = persist(new Station("Lyon"));

        assertThat(log.unwrap(Integration.class).connectedType("Station")).isEmpty();
        assertThat(log.unwrap(Integration.class).connectedObject(ObjectRef.of("Station", station.getCode())))
                .isEmpty();
    }

    @Test
    void unknownNamesMissingRowsAndTextThatIsNoIdFindNothing() {
        Project project = project("p");
        String id = String.valueOf(project.getId());

        assertThat(log.unwrap(Integration.class).connectedType("Nope")).isEmpty();
        assertThat(log.unwrap(Integration.class).connectedType("project"))
                .as("entity names are case-sensitive")
                .isEmpty();
        assertThat(log.unwrap(Integration.class).connectedType("DeletedItem"))
                .as("actrack's own entities")
                .isEmpty();
        assertThat(log.unwrap(Integration.class).connectedObject(ObjectRef.of("Project", id + "9999")))
                .isEmpty();
        assertThat(log.unwrap(Integration.class).connectedObject(ObjectRef.of("Project", "abc")))
                .isEmpty();
        assertThat(log.unwrap(Integration.class).connectedObject(ObjectRef.of("Project", "1' OR '1'='1")))
                .isEmpty();
        assertThat(log.unwrap(Integration.class).connectedObject(ObjectRef.of("Project", "99999999999999999999999")))
                .isEmpty();
        assertThat(log.unwrap(Integration.class).connectedObject(ObjectRef.wholeType("Project")))
                .isEmpty();
        assertThat(log.unwrap(Integration.class).connectedObject(ObjectRef.of("Project", id)))
                .isPresent();
    }
}
