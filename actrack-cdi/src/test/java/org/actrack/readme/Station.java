/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

// spotless:off (the documentation shows this file as it is laid out here)

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.util.Map;
import org.actrack.Connected;
import org.actrack.DeletedItem;

@Connected(keepSerialization = true)                          // no person: its deleted item may keep more than its id
@Entity
public class Station implements DeletedItem.Describable {      // optional: otherwise toString() and {"id": …}

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    protected Station() {
    }

    public Station(String name) {
        this.name = name;
    }

    @Override
    public String deletedItemDescription() {
        return "Station " + name;
    }

    @Override
    public Map<String, Object> deletedItemSerialization() {
        return Map.of("name", name);
    }
}
// spotless:on
