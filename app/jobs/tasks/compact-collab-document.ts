// Folds a collaborative document's update log into its snapshot, so loading stays fast.
import { compactDocument } from "~/models/collab-document.server";
import { defineTask } from "../task";

export const compactCollabDocument = defineTask<{ docName: string }>({
  name: "compact-collab-document",
  async perform({ docName }, { prisma, log }) {
    const { folded } = await compactDocument(prisma, docName);
    log(`compacted ${docName}: folded ${folded} updates`);
    return { folded };
  },
});
