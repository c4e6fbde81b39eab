package org.gve.site.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SiteDatabaseTest {
    @Test
    void h2FilesWriteEveryCommitAtOnceAndCloseOnlyWhenTheServiceDoes() {
        assertEquals("jdbc:h2:file:/d/site;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", SiteDatabase.durable("jdbc:h2:file:/d/site"));
        assertEquals("jdbc:h2:./data/site;AUTO_SERVER=TRUE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                SiteDatabase.durable("jdbc:h2:./data/site;AUTO_SERVER=TRUE"));
        assertEquals("jdbc:h2:file:/d/site;write_delay=100;db_close_on_exit=true",
                SiteDatabase.durable("jdbc:h2:file:/d/site;write_delay=100;db_close_on_exit=true"));
        assertEquals("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", SiteDatabase.durable("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"));
        assertEquals("jdbc:postgresql://127.0.0.1/gve", SiteDatabase.durable("jdbc:postgresql://127.0.0.1/gve"));
    }
}
