-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('satisfied', 'basically', 'unsatisfied');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "FeedbackReportStatus" ADD VALUE 'compiling';
ALTER TYPE "FeedbackReportStatus" ADD VALUE 'compiled';
ALTER TYPE "FeedbackReportStatus" ADD VALUE 'failed';
ALTER TYPE "FeedbackReportStatus" ADD VALUE 'received';

-- AlterTable
ALTER TABLE "Adoption" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "satisfaction" "Satisfaction",
ADD COLUMN     "satisfactionAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "FeedbackReport" ADD COLUMN     "compiledAt" TIMESTAMP(3),
ADD COLUMN     "error" TEXT,
ADD COLUMN     "jobId" TEXT,
ADD COLUMN     "receivedAt" TIMESTAMP(3),
ADD COLUMN     "receivedById" TEXT,
ADD COLUMN     "submittedById" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "CommentGroupDecision" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "proposalKey" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentGroupDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CommentGroupDecision_consultationId_proposalKey_key" ON "CommentGroupDecision"("consultationId", "proposalKey");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackReport_consultationId_version_key" ON "FeedbackReport"("consultationId", "version");

-- AddForeignKey
ALTER TABLE "FeedbackReport" ADD CONSTRAINT "FeedbackReport_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReport" ADD CONSTRAINT "FeedbackReport_receivedById_fkey" FOREIGN KEY ("receivedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
