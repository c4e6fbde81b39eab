package org.gve.site.ws;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A message context over a map, whose headers are given as XML; enough for handler and caller tests. */
final class FakeMessageContext extends HashMap<String, Object> implements SOAPMessageContext {
    private final List<String> headerXml;
    final Map<String, Scope> scopes = new HashMap<>();

    FakeMessageContext(List<String> headerXml) {
        this.headerXml = headerXml;
        put(MESSAGE_OUTBOUND_PROPERTY, false);
    }

    @Override
    public Object[] getHeaders(javax.xml.namespace.QName header, JAXBContext context, boolean allRoles) {
        try {
            var unmarshaller = context.createUnmarshaller();
            Object[] result = new Object[headerXml.size()];
            for (int i = 0; i < result.length; i++) result[i] = unmarshaller.unmarshal(new StringReader(headerXml.get(i)));
            return result;
        } catch (JAXBException e) {
            throw new jakarta.xml.ws.WebServiceException(e);
        }
    }

    @Override
    public SOAPMessage getMessage() {
        throw new UnsupportedOperationException("handlers must not build a SAAJ message");
    }

    @Override
    public void setMessage(SOAPMessage message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> getRoles() {
        return Set.of();
    }

    @Override
    public void setScope(String name, Scope scope) {
        scopes.put(name, scope);
    }

    @Override
    public Scope getScope(String name) {
        return scopes.getOrDefault(name, MessageContext.Scope.HANDLER);
    }
}
