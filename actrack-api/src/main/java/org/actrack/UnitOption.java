/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

/**
 * The persistence unit a call writes to or reads from, made by {@link Options#using(String)}: both a
 * {@link LogOption} and a {@link TrackOption}.
 *
 * @param persistenceUnit the unit's name
 */
public record UnitOption(String persistenceUnit) implements LogOption, TrackOption {}
