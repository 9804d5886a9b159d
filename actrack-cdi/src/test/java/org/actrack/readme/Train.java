/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

// spotless:off (the documentation shows this file as it is laid out here)

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.actrack.Connected;

@Connected
@Entity
public class Train {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    protected Train() {
    }

    public Train(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
// spotless:on
