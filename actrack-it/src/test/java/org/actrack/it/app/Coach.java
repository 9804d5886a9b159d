/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.actrack.Connected;

/** A coach of a train: removed by the train's {@code orphanRemoval} mapping when uncoupled or with its train. */
@Connected
@Entity(name = "Coach")
@Table(name = "it_coach")
public class Coach {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "it_coach_seq")
    @SequenceGenerator(name = "it_coach_seq", sequenceName = "it_coach_seq", allocationSize = 10)
    private Long id;

    private String name;

    @ManyToOne
    private Train train;

    protected Coach() {}

    public Coach(String name, Train train) {
        this.name = name;
        this.train = train;
    }

    public Long getId() {
        return id;
    }

    @Override
    public String toString() {
        return name;
    }
}
