/**
 * PostgreSQL refuses text holding U+0000 ("invalid byte sequence for encoding UTF8: 0x00"),
 * SQLite keeps it, and pages and feeds do carry stray NULs that extraction lets through. The
 * character shows nothing to a reader, so every string written is stored without it, in both
 * dialects alike: a story with one stores in PostgreSQL too, and reads back the same in both.
 */
import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from "kysely";

const NUL = /\u0000/g;

function strip(value: unknown): unknown {
  return typeof value === "string" && value.includes("\u0000") ? value.replace(NUL, "") : value;
}

class StripNulTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = strip(node.value);
    return value === node.value ? node : { ...node, value };
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return node.values.some((value) => typeof value === "string" && value.includes("\u0000")) ? { ...node, values: node.values.map(strip) } : node;
  }
}

export class StripNulPlugin implements KyselyPlugin {
  readonly #transformer = new StripNulTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
