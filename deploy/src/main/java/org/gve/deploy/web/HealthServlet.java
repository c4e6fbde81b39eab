package org.gve.deploy.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /gve/health} for load balancers and monitors, without credentials: 200 and a small JSON
 * document while the service can serve requests, 503 and the same document otherwise. It names no
 * user, agent or address.
 */
public final class HealthServlet extends HttpServlet {
    /** What is reported: whether the service can serve, and the JSON body that says why. */
    public record Health(boolean serving, String json) {
    }

    private final transient Supplier<Health> health;

    public HealthServlet(Supplier<Health> health) {
        this.health = health;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Health now = health.get();
        resp.setStatus(now.serving() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write((now.json() + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
