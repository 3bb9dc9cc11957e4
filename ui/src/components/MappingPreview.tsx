// What the two column-mapping screens share (the calendar's import and step 5's results import): the file's first
// rows as the mapping reads them, and the table that shows them with the field each column feeds.
import { Table, Text } from '@mantine/core';

interface Previewed {
  columns: string[];
  rows: string[][];
  mapping: { has_header: boolean };
}

/** The column names and rows as the mapping reads them: when "first line holds names" differs from what the preview
 *  assumed, the header becomes a data row, or the first data row becomes the names. */
export function tableOf(preview: Previewed, hasHeader: boolean, column: (n: number) => string) {
  const width = Math.max(preview.columns.length, ...preview.rows.map((r) => r.length));
  const generic = Array.from({ length: width }, (_, n) => column(n + 1));
  if (hasHeader === preview.mapping.has_header) return { columns: preview.columns, rows: preview.rows };
  if (preview.mapping.has_header) {
    // The names read as a header are the first data row.
    return { columns: generic, rows: [preview.columns, ...preview.rows] };
  }
  // The first data row holds the names.
  const [first = [], ...rest] = preview.rows;
  return { columns: generic.map((g, n) => first[n]?.trim() || g), rows: rest };
}

/** The preview table: a first header row with the fields each column feeds, a second with the columns' names. */
export function MappingPreviewTable({ table, fieldsOf, unmapped, column, maxHeight, cellWidth, testId, fieldTestId }: {
  table: { columns: string[]; rows: string[][] };
  fieldsOf: (n: number) => string[];
  /** What a column feeding no field says. */
  unmapped: string;
  column: (n: number) => string;
  maxHeight: number;
  cellWidth: number;
  testId: string;
  fieldTestId?: string;
}) {
  return (
    <Table.ScrollContainer minWidth={table.columns.length * 140} maxHeight={maxHeight}>
      <Table striped withTableBorder withColumnBorders fz="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((_, n) => {
              const fields = fieldsOf(n);
              return (
                <Table.Th key={n} data-testid={fieldTestId}>
                  {fields.length > 0 ? (
                    <Text size="xs" fw={700} c="blue">
                      {fields.join(', ')}
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed" fs="italic">
                      {unmapped}
                    </Text>
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
          <Table.Tr>
            {table.columns.map((name, n) => (
              <Table.Th key={n}>{name || column(n + 1)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, r) => (
            <Table.Tr key={r}>
              {table.columns.map((_, n) => (
                <Table.Td key={n} style={{ maxWidth: cellWidth, overflowWrap: 'anywhere' }}>
                  <Text size="xs" lineClamp={3}>
                    {row[n] ?? ''}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
