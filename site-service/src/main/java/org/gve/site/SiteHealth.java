package org.gve.site;

/**
 * What a monitor asks of a site: whether start-up is over, whether the database answers, and how many
 * agents are UP and DOWN. The site serves requests only when {@link #serving()}.
 *
 * @param databaseError why the database did not answer, or null
 */
public record SiteHealth(boolean started, String databaseError, int agentsUp, int agentsDown) {
    public boolean serving() {
        return started && databaseError == null && agentsUp > 0;
    }
}
