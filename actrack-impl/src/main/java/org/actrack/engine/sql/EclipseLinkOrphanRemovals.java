/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.actrack.engine.history.RemovalListener;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.queries.ContainerPolicy;
import org.eclipse.persistence.internal.sessions.ObjectChangeSet;
import org.eclipse.persistence.internal.sessions.UnitOfWorkChangeSet;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.ForeignReferenceMapping;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Hands the entities EclipseLink removes through {@code orphanRemoval} to {@link RemovalListener}, in the flush that
 * deletes them (see {@link ProviderHooks}).
 *
 * <p>EclipseLink calls such mappings "private-owned" and raises no {@code preRemove} event for what they remove:
 * <ul>
 * <li>an entity taken out of the collection (or reference) is found while a flush's changes are worked out and added
 * to the unit of work's deleted objects;</li>
 * <li>the entities of a removed parent are deleted at commit with one {@code DELETE} of the whole collection, without
 * being read when the collection was never loaded (and {@code cascade = REMOVE} then does not reach them either).</li>
 * </ul>
 * So this listener notes the deleted objects before the calculation and, after it, hands to the listener each new
 * one, and the private-owned entities of every deleted one that was not removed by itself (their collections read
 * if need be), as {@code @PreRemove} would have: the history is kept by the same code, in the same transaction,
 * before the rows are deleted. What that code persists meanwhile (a deleted item) joins the change set already
 * calculated; the statements it runs go to the transaction's connection at once, as they do from {@code @PreRemove}.
 */
public final class EclipseLinkOrphanRemovals extends SessionEventAdapter {

    private static final String INSTALLED = "org.actrack.orphan-removals";
    private static final String DELETED_BEFORE = "org.actrack.deleted-before-calculation";

    private final RemovalListener removals = new RemovalListener();

    private EclipseLinkOrphanRemovals() {}

    /** Adds the listener to an EclipseLink session (a persistence unit's), once. */
    public static void install(Object unwrappedSession) {
        Session session = (Session) unwrappedSession;
        synchronized (session) {
            if (session.getProperty(INSTALLED) == null) {
                session.setProperty(INSTALLED, Boolean.TRUE);
                session.getEventManager().addListener(new EclipseLinkOrphanRemovals());
            }
        }
    }

    @Override
    public void preCalculateUnitOfWorkChangeSet(SessionEvent event) {
        if (event.getSession() instanceof UnitOfWorkImpl unitOfWork && !unitOfWork.isNestedUnitOfWork()) {
            unitOfWork.setProperty(
                    DELETED_BEFORE,
                    unitOfWork.hasDeletedObjects()
                            ? identityCopy(unitOfWork.getDeletedObjects().keySet())
                            : Set.of());
        }
    }

    @Override
    public void postCalculateUnitOfWorkChangeSet(SessionEvent event) {
        if (!(event.getSession() instanceof UnitOfWorkImpl unitOfWork) || unitOfWork.isNestedUnitOfWork()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Object> before = (Set<Object>) unitOfWork.getProperty(DELETED_BEFORE);
        unitOfWork.removeProperty(DELETED_BEFORE);
        if (before == null || !unitOfWork.hasDeletedObjects()) {
            return;
        }
        Set<Object> deleted = identityCopy(unitOfWork.getDeletedObjects().keySet());
        List<Object> orphans = deleted.stream().filter(o -> !before.contains(o)).toList();
        List<Object> parents = deleted.stream()
                .filter(before::contains)
                .filter(o -> hasPrivateOwned(unitOfWork, o))
                .toList();
        if (orphans.isEmpty() && parents.isEmpty()) {
            return;
        }
        Set<Object> newBefore = unitOfWork.hasNewObjects()
                ? identityCopy(unitOfWork.getNewObjectsCloneToOriginal().keySet())
                : Set.of();
        // Removed by the application: its @PreRemove listeners ran; what EclipseLink removes with them did not.
        Set<Object> handled = identityCopy(before);
        orphans.forEach(orphan -> handOver(unitOfWork, orphan, handled));
        parents.forEach(
                parent -> privateOwned(unitOfWork, parent).forEach(child -> handOver(unitOfWork, child, handled)));
        if (unitOfWork.hasNewObjects()) {
            UnitOfWorkChangeSet changes = (UnitOfWorkChangeSet) event.getProperty("UnitOfWorkChangeSet");
            for (Object persisted :
                    List.copyOf(unitOfWork.getNewObjectsCloneToOriginal().keySet())) {
                if (!newBefore.contains(persisted)) {
                    join(unitOfWork, changes, persisted);
                }
            }
        }
    }

    /** Hands an entity EclipseLink removes to the listener, then the entities it owns privately, once each. */
    private void handOver(UnitOfWorkImpl unitOfWork, Object entity, Set<Object> handled) {
        if (!handled.add(entity)) {
            return;
        }
        removals.removing(entity);
        privateOwned(unitOfWork, entity).forEach(child -> handOver(unitOfWork, child, handled));
    }

    private static boolean hasPrivateOwned(UnitOfWorkImpl unitOfWork, Object entity) {
        ClassDescriptor descriptor = unitOfWork.getDescriptor(entity);
        return descriptor != null
                && descriptor.getMappings().stream().anyMatch(EclipseLinkOrphanRemovals::ownsEntities);
    }

    /** The entities {@code entity} owns privately (its {@code orphanRemoval} relations), read if not loaded yet. */
    private static List<Object> privateOwned(UnitOfWorkImpl unitOfWork, Object entity) {
        ClassDescriptor descriptor = unitOfWork.getDescriptor(entity);
        if (descriptor == null) {
            return List.of();
        }
        List<Object> owned = new ArrayList<>();
        for (DatabaseMapping mapping : descriptor.getMappings()) {
            if (!ownsEntities(mapping)) {
                continue;
            }
            ForeignReferenceMapping relation = (ForeignReferenceMapping) mapping;
            Object value = relation.getRealAttributeValueFromObject(entity, unitOfWork);
            if (value == null) {
                continue;
            }
            if (relation.isCollectionMapping()) {
                ContainerPolicy container = relation.getContainerPolicy();
                for (Object iterator = container.iteratorFor(value); container.hasNext(iterator); ) {
                    owned.add(container.unwrapIteratorResult(container.nextEntry(iterator, unitOfWork)));
                }
            } else {
                owned.add(value);
            }
        }
        return owned;
    }

    /** A private-owned relation to entities (not to basic values or embeddables). */
    private static boolean ownsEntities(DatabaseMapping mapping) {
        return mapping.isForeignReferenceMapping()
                && mapping.isPrivateOwned()
                && !mapping.isDirectCollectionMapping()
                && !mapping.isAggregateCollectionMapping()
                && mapping.getReferenceDescriptor() != null
                && !mapping.getReferenceDescriptor().isAggregateDescriptor();
    }

    /** What {@code calculateChanges} does for a new object: its id, then its changes into the flush's change set. */
    private static void join(UnitOfWorkImpl unitOfWork, UnitOfWorkChangeSet changes, Object persisted) {
        unitOfWork.assignSequenceNumber(persisted);
        ClassDescriptor descriptor = unitOfWork.getDescriptor(persisted);
        ObjectChangeSet change = (ObjectChangeSet) descriptor
                .getObjectChangePolicy()
                .calculateChangesForNewObject(persisted, changes, unitOfWork, descriptor, true);
        changes.addObjectChangeSet(change, unitOfWork, true);
    }

    private static Set<Object> identityCopy(Set<?> objects) {
        Set<Object> copy = Collections.newSetFromMap(new IdentityHashMap<>(objects.size() * 2));
        copy.addAll(objects);
        return copy;
    }
}
