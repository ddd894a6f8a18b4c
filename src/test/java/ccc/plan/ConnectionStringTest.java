package ccc.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionStringTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            jdbc:postgresql://DB.example.com:5432/sales?ssl=true&password=x  | db.example.com            | 5432  | sales
            jdbc:mysql://user:pw@db1,db2:3306/shop                           | db1,db2                   | 3306  | shop
            jdbc:sqlserver://sql.example.com:1433;databaseName=Sales;encrypt=true | sql.example.com      | 1433  | Sales
            jdbc:oracle:thin:scott/tiger@ora.example.com:1521:ORCL           | ora.example.com           | 1521  | ORCL
            jdbc:oracle:thin:@//ora.example.com:1521/sales.example.com       | ora.example.com           | 1521  | sales.example.com
            jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=Ora1)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=svc))) | ora1 | 1521 | svc
            mongodb+srv://u:p@Cluster0.abc.mongodb.net/shop?retryWrites=true | cluster0.abc.mongodb.net  | -     | shop
            mongodb://h1:27017,h2:27017/?replicaSet=rs0                      | h1,h2                     | 27017 | -
            jdbc:sqlite:orders.db                                            | ''                        | -     | -
            """)
    void namesHostsPortAndDatabaseWithoutCredentialsOrParameters(String text, String hosts, String port,
                                                                 String database) {
        ConnectionString parsed = ConnectionString.parse(text);
        assertEquals(NameSet.split(hosts), parsed.hosts());
        assertEquals(port, parsed.port());
        assertEquals(database, parsed.database());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://API.example.com:443/v1/orders/?page=2#top | https://api.example.com/v1/orders
            HTTP://example.com:8080                           | http://example.com:8080
            http://user:secret@example.com:80/Feed            | http://example.com/Feed
            """)
    void anHttpEndpointKeepsThePathAsWrittenAndDropsTheRest(String url, String endpoint) {
        assertEquals(endpoint, ConnectionString.parse(url).endpoint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a url
            ''
            """)
    void somethingThatIsNoConnectionStringNamesNoPlace(String text) {
        assertEquals(List.of(), ConnectionString.parse(text).hosts());
        assertEquals(null, ConnectionString.parse(text).endpoint());
    }
}
