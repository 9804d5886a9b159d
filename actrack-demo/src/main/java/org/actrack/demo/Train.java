/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.actrack.Connected;

/** A train: at a station, or on its way to one, until it is retired. */
@Connected
@Entity(name = "Train")
@Table(name = "demo_train")
public class Train {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "demo_train_seq")
    @SequenceGenerator(name = "demo_train_seq", sequenceName = "demo_train_seq", allocationSize = 10)
    private Long id;

    private String name;

    @ManyToOne
    private Station location;

    @ManyToOne
    private Station headingTo;

    private boolean retired;

    protected Train() {}

    public Train(String name, Station location) {
        this.name = name;
        this.location = location;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Station getLocation() {
        return location;
    }

    public Station getHeadingTo() {
        return headingTo;
    }

    public boolean isRetired() {
        return retired;
    }

    void departFor(Station destination) {
        location = null;
        headingTo = destination;
    }

    void arrive() {
        location = headingTo;
        headingTo = null;
    }

    void retire() {
        retired = true;
    }

    @Override
    public String toString() {
        return name;
    }
}
