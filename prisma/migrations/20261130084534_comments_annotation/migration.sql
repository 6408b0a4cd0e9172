-- CreateEnum
CREATE TYPE "CommentKind" AS ENUM ('amend', 'delete', 'add', 'principle', 'other');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CommentSource" ADD VALUE 'letter';
ALTER TYPE "CommentSource" ADD VALUE 'visit';

-- AlterEnum
ALTER TYPE "CommentStatus" ADD VALUE 'hidden';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "consentAt" TIMESTAMP(3),
ADD COLUMN     "hiddenReason" TEXT,
ADD COLUMN     "kind" "CommentKind" NOT NULL DEFAULT 'other',
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "receiverId" TEXT,
ADD COLUMN     "submitterOccupation" TEXT,
ADD COLUMN     "supporterCount" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Draft" ADD COLUMN     "deadline" TIMESTAMP(3),
ADD COLUMN     "explanation" JSONB;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "qrToken" TEXT;

-- CreateTable
CREATE TABLE "CommentRevision" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "suggestedText" TEXT,
    "reason" TEXT,
    "editedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommentRevision_commentId_idx" ON "CommentRevision"("commentId");

-- CreateIndex
CREATE INDEX "Comment_consultationId_status_idx" ON "Comment"("consultationId", "status");

-- CreateIndex
CREATE INDEX "Comment_mergedIntoId_idx" ON "Comment"("mergedIntoId");

-- CreateIndex
CREATE UNIQUE INDEX "User_qrToken_key" ON "User"("qrToken");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_receiverId_fkey" FOREIGN KEY ("receiverId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentRevision" ADD CONSTRAINT "CommentRevision_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentRevision" ADD CONSTRAINT "CommentRevision_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
