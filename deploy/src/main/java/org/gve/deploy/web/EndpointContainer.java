package org.gve.deploy.web;

import com.sun.xml.ws.api.server.BoundEndpoint;
import com.sun.xml.ws.api.server.Container;
import com.sun.xml.ws.api.server.Module;
import jakarta.servlet.ServletContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Metro container of endpoints published by {@link SoapServlet}: their servlet context and module. */
final class EndpointContainer extends Container {
    private final ServletContext servletContext;
    private final Module module = new Module() {
        private final List<BoundEndpoint> endpoints = new CopyOnWriteArrayList<>();

        @Override
        public List<BoundEndpoint> getBoundEndpoints() {
            return endpoints;
        }
    };

    EndpointContainer(ServletContext servletContext) {
        this.servletContext = servletContext;
    }

    @Override
    public <S> S getSPI(Class<S> spiType) {
        if (spiType == ServletContext.class) return spiType.cast(servletContext);
        if (spiType == Module.class) return spiType.cast(module);
        return super.getSPI(spiType);
    }
}
