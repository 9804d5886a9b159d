/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.actrack.ActionLog;
import org.actrack.Actionable;
import org.actrack.spi.CurrentActor;

/**
 * Logs the action of an {@link Actionable} method once it has returned normally; an exception leaves
 * nothing logged. Runs inside the method's {@code @Transactional} interceptor, so the action joins the
 * method's transaction.
 */
@Interceptor
@Actionable("")
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
class ActionableInterceptor {

    @Inject
    ActrackExtension extension;

    @Inject
    ActionLog actionLog;

    @Inject
    Instance<CurrentActor> currentActor;

    @AroundInvoke
    Object logAction(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        ActionableMethod action = extension.actionable(invocation.getTarget().getClass(), invocation.getMethod());
        Object[] arguments = invocation.getParameters();
        Object actor = action.actorIndex() >= 0
                ? arguments[action.actorIndex()]
                : currentActor.get().get();
        actionLog.log(actor, action.verb(), action.options(arguments, result));
        return result;
    }
}
