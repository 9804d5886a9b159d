/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import org.hibernate.CacheMode;
import org.hibernate.Session;

/**
 * Reads entities of one type by id on Hibernate ORM (see {@link ProviderHooks}): its multi-load, one statement per
 * batch of ids ({@code id = any(?)} with an array where the database has arrays), whose SQL Hibernate keeps. A JPQL
 * {@code IN :ids} query is translated again on every call on Hibernate 6, because a list parameter's size is part of
 * its SQL: that translation was half of what a page of actions cost in the JVM.
 */
public final class HibernateEntityLoading {

    private HibernateEntityLoading() {}

    /**
     * The entities of {@code type} with these ids that exist, in no particular order, past the second-level cache
     * (as the standard {@code BYPASS} hints do on other providers).
     */
    public static List<?> byIds(EntityManager em, Class<?> type, List<Object> ids) {
        return em
                .unwrap(Session.class)
                .byMultipleIds(type)
                .with(CacheMode.IGNORE)
                .enableOrderedReturn(false)
                .multiLoad(ids)
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }
}
