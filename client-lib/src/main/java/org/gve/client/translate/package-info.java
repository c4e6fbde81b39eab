/**
 * Small named functions between the generated contract types ({@code org.gve.wsdl.*}, {@code org.gve.glue})
 * and the client's domain records ({@code org.gve.client.model}). Generated types never leave this package
 * and {@code org.gve.client}'s call layer. Enum mappings are exhaustive switches, so a new contract value
 * breaks the build instead of passing silently.
 */
package org.gve.client.translate;
