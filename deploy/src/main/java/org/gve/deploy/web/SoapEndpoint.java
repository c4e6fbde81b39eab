package org.gve.deploy.web;

import javax.xml.namespace.QName;

/**
 * One endpoint to publish: its path under the SOAP servlet, the implementation instance (built
 * with its dependencies by the caller), and the hand-written contract it serves.
 *
 * @param path      e.g. {@code /site/VirtualMachineRequest}
 * @param wsdl      classpath resource of the primary WSDL, e.g. {@code org/gve/wsdl/SiteService.wsdl}
 * @param service   the WSDL service name
 * @param port      the WSDL port name
 */
public record SoapEndpoint(String path, Object implementation, String wsdl, QName service, QName port) {
}
