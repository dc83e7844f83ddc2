package ftenergy.lake;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * One column of a batch of Spark rows as Delta Kernel reads it: numbers, booleans and strings as
 * they are, timestamps as microseconds since the epoch, arrays (Java arrays, lists or Scala
 * sequences) through an element column.
 */
final class RowColumn implements ColumnVector {

    private final DataType type;
    private final Object[] values;

    RowColumn(DataType type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    @Override
    public DataType getDataType() {
        return type;
    }

    @Override
    public int getSize() {
        return values.length;
    }

    @Override
    public void close() {}

    @Override
    public boolean isNullAt(int row) {
        return values[row] == null;
    }

    @Override
    public boolean getBoolean(int row) {
        return (Boolean) values[row];
    }

    @Override
    public int getInt(int row) {
        return ((Number) values[row]).intValue();
    }

    @Override
    public long getLong(int row) {
        Object value = values[row];
        if (value instanceof Timestamp timestamp) {
            return Math.floorDiv(timestamp.getTime(), 1000) * 1_000_000 + timestamp.getNanos() / 1000;
        }
        if (value instanceof Instant instant) {
            return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
        }
        return ((Number) value).longValue();
    }

    @Override
    public double getDouble(int row) {
        return ((Number) values[row]).doubleValue();
    }

    @Override
    public String getString(int row) {
        return (String) values[row];
    }

    @Override
    public ArrayValue getArray(int row) {
        Object[] elements = elements(values[row]);
        RowColumn column = new RowColumn(((ArrayType) type).getElementType(), elements);
        return new ArrayValue() {
            @Override
            public int getSize() {
                return elements.length;
            }

            @Override
            public ColumnVector getElements() {
                return column;
            }
        };
    }

    private static Object[] elements(Object array) {
        if (array instanceof Object[] objects) {
            return objects;
        }
        if (array instanceof List<?> list) {
            return list.toArray();
        }
        if (array instanceof scala.collection.Seq<?> seq) {
            return scala.jdk.javaapi.CollectionConverters.asJava(seq).toArray();
        }
        throw new IllegalArgumentException("not an array value: " + array.getClass().getName());
    }
}
