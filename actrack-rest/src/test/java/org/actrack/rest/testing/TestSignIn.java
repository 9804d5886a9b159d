/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;

/**
 * The application's sign-in, as the suite's stand-in for a server's security: a request is signed in by HTTP Basic
 * ({@code name:secret}, any name) or by a session opened with {@code POST /signin?name=…} and ended with
 * {@code POST /signout}. Whether the name has a user entity is actrack-rest's business ({@code RestUsers}).
 */
public final class TestSignIn extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The password of every name. */
    public static final String PASSWORD = "secret";

    private static final String SESSION_USER = "signed-in";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String name = basic(request.getHeader("Authorization"));
        String type = HttpServletRequest.BASIC_AUTH;
        if (name == null) {
            HttpSession session = request.getSession(false);
            name = session == null ? null : (String) session.getAttribute(SESSION_USER);
            type = HttpServletRequest.FORM_AUTH;
        }
        if (name == null) {
            chain.doFilter(request, response);
            return;
        }
        String caller = name;
        String authType = type;
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public Principal getUserPrincipal() {
                        return () -> caller;
                    }

                    @Override
                    public String getRemoteUser() {
                        return caller;
                    }

                    @Override
                    public String getAuthType() {
                        return authType;
                    }
                },
                response);
    }

    private static String basic(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && decoded.substring(colon + 1).equals(PASSWORD) ? decoded.substring(0, colon) : null;
    }

    /** {@code POST /signin?name=…}: a session signed in as that name. */
    public static final class SignInServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            request.getSession(true).setAttribute(SESSION_USER, request.getParameter("name"));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    /** {@code POST /signout}: ends the session. */
    public static final class SignOutServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }
}
