/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest.testing;

import com.arjuna.ats.jta.cdi.TransactionExtension;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.List;
import java.util.Map;
import org.actrack.cdi.ActrackExtension;
import org.actrack.cdi.testing.JtaDatabase;
import org.actrack.cdi.testing.TestConfigSource;
import org.actrack.cdi.testing.TestPersistence;
import org.actrack.rest.ActrackRestApplication;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.ext.cdi1x.internal.CdiComponentProvider;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * actrack-rest served in this process, as a WAR serves it: Weld SE with actrack's extension and Narayana's JTA, the
 * CDI suites' database behind a pooled XA data source, Jersey (Payara's JAX-RS runtime) in Jetty with actrack's
 * servlet filters and listeners as the container would register them from their annotations, and a sign-in of the
 * test's own ({@link TestSignIn}: HTTP Basic, or a session). One per test class; {@link #close()} stops all.
 */
public final class RestServer implements AutoCloseable {

    /** The filters and listeners of actrack-rest's jar, which a server finds by their annotations. */
    private static final List<Class<?>> WEB_COMPONENTS = ServletComponents.ofActrackRest();

    private final WeldContainer weld;
    private final Server jetty;
    private final URI base;

    private RestServer(WeldContainer weld, Server jetty, URI base) {
        this.weld = weld;
        this.jetty = jetty;
        this.base = base;
    }

    /**
     * Starts a server with actrack-rest, the fixtures of the CDI suites and the given beans of the "application".
     *
     * @param config MicroProfile Config values (besides {@code actrack.user-type=Member})
     * @param beans the application's own beans (visibility rules, presentations…)
     */
    public static RestServer start(Map<String, String> config, Class<?>... beans) {
        JtaDatabase.get();
        java.util.Map<String, String> values = new java.util.HashMap<>(Map.of("actrack.user-type", "Member"));
        values.putAll(config);
        TestConfigSource.set(values);
        Weld builder = new Weld()
                .disableDiscovery()
                .setBeanDiscoveryMode(org.jboss.weld.bootstrap.spi.BeanDiscoveryMode.ANNOTATED)
                .addExtension(new ActrackExtension())
                .addExtension(new TransactionExtension())
                .addExtension(new CdiComponentProvider())
                .addPackages(true, ActrackRestApplication.class)
                .addBeanClasses(TestPersistence.class)
                .addBeanClasses(beans);
        WeldContainer weld = builder.initialize();
        try {
            Server jetty = new Server();
            ServerConnector connector = new ServerConnector(jetty);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            jetty.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
            context.setContextPath("/");
            context.addFilter(
                    new FilterHolder(new RequestScope(weld.select(RequestContextController.class))),
                    "/*",
                    EnumSet.of(DispatcherType.REQUEST));
            context.addFilter(TestSignIn.class, "/*", EnumSet.of(DispatcherType.REQUEST));
            ServletHolder rest = new ServletHolder(ActrackRestApplication.class.getName(), new ServletContainer());
            rest.setInitParameter("jakarta.ws.rs.Application", ActrackRestApplication.class.getName());
            rest.setAsyncSupported(true);
            context.addServlet(rest, "/activity/*");
            context.addServlet(new ServletHolder(new TestSignIn.SignInServlet()), "/signin");
            context.addServlet(new ServletHolder(new TestSignIn.SignOutServlet()), "/signout");
            for (Class<?> component : WEB_COMPONENTS) {
                register(context, component);
            }
            jetty.setHandler(context);
            jetty.start();
            return new RestServer(weld, jetty, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
        } catch (Exception e) {
            weld.shutdown();
            throw new IllegalStateException("Could not start the REST test server", e);
        } finally {
            TestConfigSource.clear();
        }
    }

    /** Registers a filter or listener of actrack-rest as a server does from its annotation. */
    @SuppressWarnings("unchecked")
    private static void register(ServletContextHandler context, Class<?> component)
            throws ReflectiveOperationException {
        WebFilter filter = component.getAnnotation(WebFilter.class);
        if (filter != null) {
            FilterHolder holder = new FilterHolder((Class<? extends Filter>) component);
            holder.setName(filter.filterName());
            holder.setAsyncSupported(filter.asyncSupported());
            if (filter.servletNames().length > 0) {
                FilterMapping mapping = new FilterMapping();
                mapping.setFilterName(filter.filterName());
                mapping.setServletNames(filter.servletNames());
                mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
                context.getServletHandler().addFilter(holder, mapping);
            }
            for (String pattern : filter.urlPatterns()) {
                context.addFilter(holder, pattern, EnumSet.of(DispatcherType.REQUEST));
            }
        }
        if (component.isAnnotationPresent(WebListener.class)) {
            context.addEventListener(
                    (EventListener) component.getDeclaredConstructor().newInstance());
        }
    }

    /** Where the server answers: {@code http://127.0.0.1:port/}; actrack-rest is under {@code activity/}. */
    public URI base() {
        return base;
    }

    /** A bean of the server's container. */
    public <T> T bean(Class<T> type, java.lang.annotation.Annotation... qualifiers) {
        return weld.select(type, qualifiers).get();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            weld.shutdown();
        }
    }

    /** Activates the CDI request context around each request, as a server does. */
    private static final class RequestScope implements Filter {
        private final Instance<RequestContextController> controllers;

        RequestScope(Instance<RequestContextController> controllers) {
            this.controllers = controllers;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            RequestContextController requests = controllers.get();
            boolean activated = requests.activate();
            try {
                chain.doFilter(request, response);
            } finally {
                if (activated) {
                    requests.deactivate();
                }
                controllers.destroy(requests);
            }
        }
    }
}
