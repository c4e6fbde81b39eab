import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.ode.axis2.ODEServer;
import org.apache.ode.axis2.hooks.ODEAxisServlet;
import org.apache.ode.bpel.iapi.EndpointReferenceContext;
import org.apache.ode.store.ProcessStoreImpl;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs Apache ODE 1.3.6 (Axis2 1.5 integration layer) in an embedded Tomcat 9 on 127.0.0.1, in a JVM
 * of its own: ODE's javax.servlet / Tomcat 9 class path never meets GVE's jakarta / Tomcat 10 one.
 *
 * <p>Launched by the GVE test harness in source-file mode against the jars in test-harness/target/ode-lib:
 * {@code java -cp 'target/ode-lib/*' OdeLauncher.java RUN_DIR}. RUN_DIR/webapp/WEB-INF is laid out as in
 * the ODE web application (conf/axis2.xml, conf/ode-axis2.properties, deploy.wsdl, pmapi.wsdl, ...,
 * processes/ for hot deployment); RUN_DIR/sql holds ODE's Derby scripts; Tomcat works in RUN_DIR/tomcat.
 *
 * <p>What the ODE war normally brings and Maven Central does not: a pre-built Derby database. Here the
 * database is created on first start: ODE's own SQL scripts for the scheduler and schema version, and
 * OpenJPA builds the DAO and process-store tables (buildSchema) the first time they are used.
 *
 * <p>Prints {@code ODE-READY http://127.0.0.1:PORT/ode} once the engine is up (PORT is chosen by the
 * system), then runs until its standard input closes, so it never outlives the test that started it.
 */
public final class OdeLauncher {
    private OdeLauncher() {
    }

    public static void main(String[] args) throws IOException, SQLException, LifecycleException {
        if (args.length != 1) {
            System.err.println("usage: OdeLauncher RUN_DIR");
            System.exit(2);
        }
        Path run = Path.of(args[0]).toAbsolutePath();
        Path webapp = run.resolve("webapp");
        createDatabase(webapp.resolve("WEB-INF/derby-jpadb"), run.resolve("sql"));

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(run.resolve("tomcat")).toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);

        StandardContext context = (StandardContext) tomcat.addContext("/ode", webapp.toString());
        context.setIgnoreAnnotations(true);
        context.setFailCtxIfServletStartFails(true);
        Wrapper axis = Tomcat.addServlet(context, "AxisServlet", new SchemaBuildingOdeServlet());
        axis.setLoadOnStartup(1);
        context.addServletMappingDecoded("/processes/*", "AxisServlet");
        context.addServletMappingDecoded("/deployment/*", "AxisServlet");

        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            System.err.println("ODE-FAILED: the ODE servlet did not start; see the log above");
            tomcat.stop();
            tomcat.destroy();
            System.exit(1);
        }
        System.out.println("ODE-READY http://127.0.0.1:" + connector.getLocalPort() + "/ode");
        System.out.flush();

        awaitEndOfInput();
        tomcat.stop();
        tomcat.destroy();
        System.exit(0);
    }

    /** Blocks until the parent closes our standard input (or dies). */
    private static void awaitEndOfInput() {
        try (InputStream in = System.in) {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // nothing to read: the parent only ever closes it
            }
        } catch (IOException closed) {
            // treated as end of input
        }
    }

    /** Creates the Derby database ODE's EMBEDDED mode opens, running ODE's own scripts once. */
    private static void createDatabase(Path db, Path sqlDir) throws IOException, SQLException {
        if (Files.isDirectory(db)) {
            return;
        }
        // ODE connects as "sa", and Derby's default schema is the user's: create the tables there.
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + db + ";create=true", "sa", "");
             Statement st = c.createStatement()) {
            for (String script : new String[]{"common.sql", "simplesched-derby.sql"}) {
                for (String sql : Files.readString(sqlDir.resolve(script), StandardCharsets.UTF_8).split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql.trim());
                    }
                }
            }
        }
    }

    /**
     * ODE's servlet with one change: its process store may create its tables (ODE's own test servers
     * pass true here; the war passes false because it ships a pre-built database).
     */
    public static final class SchemaBuildingOdeServlet extends ODEAxisServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected ODEServer createODEServer() {
            return new ODEServer() {
                @Override
                protected ProcessStoreImpl createProcessStore(EndpointReferenceContext eprContext, DataSource ds) {
                    return new ProcessStoreImpl(eprContext, ds, _odeConfig.getDAOConnectionFactory(), _odeConfig, true);
                }
            };
        }
    }
}
