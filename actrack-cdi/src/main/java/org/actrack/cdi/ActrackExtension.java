/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceContexts;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.actrack.ActionHandler;
import org.actrack.Actionable;
import org.actrack.ActrackPersistence;
import org.actrack.ActrackSettings;
import org.actrack.Connected;
import org.actrack.Verb;
import org.actrack.spi.CurrentActor;

/**
 * actrack's portable extension: it wires. It registers actrack's beans itself (the jar ships no {@code beans.xml}),
 * collects {@code @Connected} entities, {@code @Actionable} methods (which check themselves: {@link ActionableMethod}),
 * {@code @Verb} handlers and {@code @StreamName} streams ({@link CustomStreamBeans}) while beans are discovered, leaves the persistence unit to {@link PersistenceUnitChoice},
 * and cross-checks once at the end, reporting misuse as definition or deployment errors that name the class or
 * method.
 */
public class ActrackExtension implements Extension {

    private static final System.Logger LOGGER = System.getLogger(ActrackExtension.class.getName());

    private final Map<BeanMethod, ActionableMethod> actionableMethods = new ConcurrentHashMap<>();

    /**
     * A method of a bean class: two beans inheriting one method, each with its own class-level
     * {@code @Actionable}, log different verbs.
     */
    private record BeanMethod(Class<?> beanClass, Method method) {}

    private final ConnectedEntities connected = new ConnectedEntities();
    private final List<String> definitionErrors = new ArrayList<>();
    private final List<String> methodsWithoutActor = new ArrayList<>();
    private final Map<String, List<String>> handlerVerbs = new TreeMap<>();
    /** The verbs of the {@code @Verb} handler beans, once the deployment was checked. */
    private Set<String> verbsWithHandlers = Set.of();

    private final PersistenceUnitChoice persistence = new PersistenceUnitChoice();
    private final CustomStreamBeans streams = new CustomStreamBeans();

    /** actrack's own beans, registered by this extension. */
    private static final List<Class<?>> INTERNAL_BEANS = List.of(
            ActionableInterceptor.class,
            CdiActionLog.class,
            CdiHandlers.class,
            DefaultActionHandler.class,
            ActrackConfiguration.class,
            TransactionalWork.class,
            RequestActionQueue.class,
            TransactionQueues.class,
            LogRequestObserver.class,
            CdiEntityManagerSource.class,
            OutboxRelayWorker.class);

    void registerBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : INTERNAL_BEANS) {
            event.addAnnotatedType(
                    beanManager.createAnnotatedType(type),
                    ActrackExtension.class.getName() + "." + type.getSimpleName());
        }
    }

    /**
     * A server may scan this jar as an implicit bean archive: its classes would then be beans twice, once
     * registered here and once discovered. Only the registered ones are kept.
     */
    void vetoDiscoveredInternals(
            @Observes
                    @WithAnnotations({
                        ApplicationScoped.class,
                        RequestScoped.class,
                        jakarta.interceptor.Interceptor.class
                    })
                    ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        boolean discovered = !(event instanceof ProcessSyntheticAnnotatedType)
                && (INTERNAL_BEANS.contains(type)
                        || type == DefaultPersistence.class && !persistence.defaultPersistenceAdded());
        if (discovered) {
            event.veto();
        }
    }

    void collectConnected(@Observes @WithAnnotations(Connected.class) ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (type.isAnnotationPresent(Connected.class)) {
            EntityClasses.problem(type).ifPresentOrElse(definitionErrors::add, () -> connected.add(type));
        }
    }

    void collectPersistenceContextReferences(
            @Observes @WithAnnotations({PersistenceContext.class, PersistenceContexts.class})
                    ProcessAnnotatedType<?> event) {
        persistence.noticeReferences(event.getAnnotatedType());
    }

    void noticePersistenceProducers(
            @Observes @WithAnnotations(ActrackPersistence.class) ProcessAnnotatedType<?> event) {
        persistence.noticeProducers(event.getAnnotatedType());
    }

    /** Registers actrack's own entity manager when the application does not produce it ({@link PersistenceUnitChoice}). */
    void registerDefaultPersistence(@Observes AfterTypeDiscovery event) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        persistence
                .registerDefault(
                        event,
                        ActrackConfiguration.readSettings().persistenceUnit(),
                        loader == null ? getClass().getClassLoader() : loader)
                .ifPresent(definitionErrors::add);
    }

    <T> void collectActionableMethods(@Observes ProcessManagedBean<T> event) {
        AnnotatedType<T> type = event.getAnnotatedBeanClass();
        if (type.isAnnotationPresent(jakarta.interceptor.Interceptor.class)) {
            return;
        }
        Actionable onClass = type.getAnnotation(Actionable.class);
        for (AnnotatedMethod<? super T> annotated : type.getMethods()) {
            Actionable binding = annotated.isAnnotationPresent(Actionable.class)
                    ? annotated.getAnnotation(Actionable.class)
                    : onClass;
            Method method = annotated.getJavaMember();
            if (binding == null
                    || java.lang.reflect.Modifier.isStatic(method.getModifiers())
                    || java.lang.reflect.Modifier.isPrivate(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            ActionableMethod metadata;
            try {
                metadata = ActionableMethod.checked(method, binding);
            } catch (DefinitionException misuse) {
                event.addDefinitionError(misuse);
                continue;
            }
            if (metadata.actorIndex() < 0) {
                methodsWithoutActor.add(ActionableMethod.nameOf(method));
            }
            actionableMethods.put(new BeanMethod(type.getJavaClass(), method), metadata);
        }
    }

    <T> void collectHandlersAndStreams(@Observes ProcessBean<T> event) {
        Bean<T> bean = event.getBean();
        if (bean.getTypes().contains(EntityManager.class)
                && bean.getQualifiers().contains(Default.Literal.INSTANCE)) {
            persistence.noticeDefaultEntityManager();
        }
        streams.notice(bean).ifPresent(event::addDefinitionError);
        if (!bean.getTypes().contains(ActionHandler.class)) {
            return;
        }
        bean.getQualifiers().stream()
                .filter(Verb.class::isInstance)
                .map(Verb.class::cast)
                .findFirst()
                .ifPresent(verb -> {
                    if (verb.value().isBlank()) {
                        event.addDefinitionError(CdiProblem.BLANK_HANDLER_VERB.definitionError(
                                bean.getBeanClass().getName()));
                    } else {
                        handlerVerbs
                                .computeIfAbsent(verb.value(), v -> new ArrayList<>())
                                .add(bean.getBeanClass().getName());
                    }
                });
    }

    void reportDefinitionErrors(@Observes AfterBeanDiscovery event) {
        definitionErrors.forEach(
                message -> event.addDefinitionError(new jakarta.enterprise.inject.spi.DefinitionException(message)));
        definitionErrors.clear();
    }

    void crossCheck(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        if (!methodsWithoutActor.isEmpty()
                && beanManager.getBeans(CurrentActor.class).isEmpty()) {
            methodsWithoutActor.forEach(
                    method -> event.addDeploymentProblem(CdiProblem.NO_ACTOR.deploymentProblem(method)));
        }
        handlerVerbs.forEach((verb, classes) -> {
            Set<Bean<?>> beans = beanManager.getBeans(ActionHandler.class, Verb.Literal.of(verb));
            try {
                beanManager.resolve(beans);
            } catch (AmbiguousResolutionException e) {
                event.addDeploymentProblem(CdiProblem.DUPLICATE_HANDLERS.deploymentProblem(
                        verb,
                        beans.stream()
                                .map(b -> b.getBeanClass().getName())
                                .sorted()
                                .collect(Collectors.joining(", "))));
            }
        });
        streams.check(event, beanManager);
        checkExporters(event, beanManager);
        checkLevels(event);
        if (persistence.check(event)) {
            checkConnectedEntitiesOfTheMetamodel(event);
        }
        methodsWithoutActor.clear();
        verbsWithHandlers = Set.copyOf(handlerVerbs.keySet());
        handlerVerbs.clear();
    }

    private static void checkExporters(AfterDeploymentValidation event, BeanManager beanManager) {
        Set<Bean<?>> exporters = beanManager.getBeans(org.actrack.spi.ActionExporter.class, Any.Literal.INSTANCE);
        try {
            beanManager.resolve(exporters);
        } catch (AmbiguousResolutionException e) {
            event.addDeploymentProblem(CdiProblem.DUPLICATE_EXPORTERS.deploymentProblem(exporters.stream()
                    .map(b -> b.getBeanClass().getName())
                    .sorted()
                    .collect(Collectors.joining(", "))));
        }
    }

    private void checkLevels(AfterDeploymentValidation event) {
        ActrackSettings settings = ActrackConfiguration.readSettings();
        actionableMethods.forEach((key, action) -> {
            Method method = key.method();
            if (!action.level().isEmpty()
                    && settings.levels().stream().noneMatch(l -> l.name().equalsIgnoreCase(action.level()))) {
                event.addDeploymentProblem(CdiProblem.UNKNOWN_LEVEL.deploymentProblem(
                        method.getDeclaringClass().getName() + "." + method.getName(),
                        action.level(),
                        settings.levels()));
            }
        });
    }

    // Entities of "annotated" bean archives are not bean classes: the extension never saw them.
    private void checkConnectedEntitiesOfTheMetamodel(AfterDeploymentValidation event) {
        try {
            // The application's bean manager: in a server, the extension's own may not see the application's beans.
            Instance<EntityManager> entityManager =
                    CDI.current().select(EntityManager.class, ActrackPersistence.Literal.DEFAULT);
            if (!entityManager.isResolvable()) {
                return;
            }
            connected
                    .addFrom(entityManager.get().getMetamodel())
                    .forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
        } catch (RuntimeException unavailable) {
            LOGGER.log(
                    System.Logger.Level.WARNING,
                    "The JPA metamodel could not be read at deployment; @Connected entities are checked as they are used",
                    unavailable);
        }
    }

    /**
     * The metadata of an {@code @Actionable} method called on an instance of {@code targetClass} (the bean
     * class, or a container subclass of it), computed at deployment; or now, for a bean the extension did
     * not see, from the method's annotation or else the nearest class-level one of the target's classes.
     */
    ActionableMethod actionable(Class<?> targetClass, Method method) {
        for (Class<?> c = targetClass; c != null && c != Object.class; c = c.getSuperclass()) {
            ActionableMethod known = actionableMethods.get(new BeanMethod(c, method));
            if (known != null) {
                return known;
            }
        }
        return actionableMethods.computeIfAbsent(
                new BeanMethod(targetClass, method),
                key -> ActionableMethod.of(
                        method,
                        method.isAnnotationPresent(Actionable.class)
                                ? method.getAnnotation(Actionable.class)
                                : classBinding(targetClass)));
    }

    private static Actionable classBinding(Class<?> targetClass) {
        for (Class<?> c = targetClass; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Actionable.class)) {
                return c.getAnnotation(Actionable.class);
            }
        }
        throw new IllegalStateException("No @Actionable on " + targetClass.getName());
    }

    /** The JNDI names of the application's persistence context references to the unit actrack writes to by default. */
    List<String> referencesToActracksUnit() {
        return persistence.referencesToActracksUnit();
    }

    /** The verbs of the application's {@code @Verb} handler beans, once the deployment was checked. */
    Set<String> handlerVerbs() {
        return verbsWithHandlers;
    }

    /** The names of the application's {@link org.actrack.ActionStream} beans, once the deployment was checked. */
    SortedSet<String> streamNames() {
        return streams.names();
    }

    /** The {@code @Connected} entities found so far. */
    ConnectedEntities connected() {
        return connected;
    }
}
