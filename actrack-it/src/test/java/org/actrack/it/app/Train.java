/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.actrack.Connected;

@Connected
@Entity(name = "Train")
@Table(name = "it_train")
public class Train {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "it_train_seq")
    @SequenceGenerator(name = "it_train_seq", sequenceName = "it_train_seq", allocationSize = 10)
    private Long id;

    private String name;

    /**
     * Where the train is kept: an EAGER relation (the JPA default for many-to-one), as under Payara's EclipseLink such
     * relations once made concurrent reads of trains hang in its shared cache.
     */
    @jakarta.persistence.ManyToOne
    private Station home;

    /** Its coaches: removed as orphans when uncoupled, and with the train (lazy: not read when the train goes). */
    @jakarta.persistence.OneToMany(
            mappedBy = "train",
            cascade = jakarta.persistence.CascadeType.ALL,
            orphanRemoval = true)
    private java.util.List<Coach> coaches = new java.util.ArrayList<>();

    protected Train() {}

    public Train(String name) {
        this.name = name;
    }

    public Train(String name, Station home) {
        this.name = name;
        this.home = home;
    }

    public Station getHome() {
        return home;
    }

    public java.util.List<Coach> getCoaches() {
        return coaches;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
