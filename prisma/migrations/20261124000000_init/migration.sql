-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'legislature', 'staff', 'deputy', 'collector');

-- CreateEnum
CREATE TYPE "DraftStatus" AS ENUM ('drafting', 'consulting', 'closed');

-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "CommentSource" AS ENUM ('forum', 'deputy', 'staff', 'collector', 'public', 'phone', 'paper', 'wechat');

-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('active', 'merged', 'withdrawn');

-- CreateEnum
CREATE TYPE "FeedbackReportStatus" AS ENUM ('draft', 'submitted');

-- CreateEnum
CREATE TYPE "AdoptionDecision" AS ENUM ('adopted', 'partly', 'declined');

-- CreateTable
CREATE TABLE "Legislature" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Legislature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactPoint" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "address" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegislatureContactPoint" (
    "legislatureId" TEXT NOT NULL,
    "contactPointId" TEXT NOT NULL,
    "designatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegislatureContactPoint_pkey" PRIMARY KEY ("legislatureId","contactPointId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "phone" TEXT,
    "legislatureId" TEXT,
    "contactPointId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL,
    "legislatureId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "DraftStatus" NOT NULL DEFAULT 'drafting',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftVersion" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "versionNo" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "sourceText" TEXT NOT NULL,
    "sourceFormat" TEXT NOT NULL DEFAULT 'txt',
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Clause" (
    "id" TEXT NOT NULL,
    "draftVersionId" TEXT NOT NULL,
    "parentId" TEXT,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "citation" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "stableKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Clause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL,
    "draftVersionId" TEXT NOT NULL,
    "contactPointId" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" "ConsultationStatus" NOT NULL DEFAULT 'open',
    "publicToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Forum" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT NOT NULL,
    "attendeeCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Forum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "clauseId" TEXT,
    "forumId" TEXT,
    "authorId" TEXT,
    "source" "CommentSource" NOT NULL,
    "status" "CommentStatus" NOT NULL DEFAULT 'active',
    "body" TEXT NOT NULL,
    "suggestedText" TEXT,
    "reason" TEXT,
    "anchor" JSONB,
    "submitterName" TEXT,
    "submitterPhone" TEXT,
    "receiptNo" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackReport" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "status" "FeedbackReportStatus" NOT NULL DEFAULT 'draft',
    "content" JSONB,
    "fileSha256" TEXT,
    "createdById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Adoption" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "decision" "AdoptionDecision" NOT NULL,
    "explanation" TEXT,
    "newClauseId" TEXT,
    "decidedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Adoption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollabDocument" (
    "name" TEXT NOT NULL,
    "snapshot" BYTEA,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollabDocument_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "CollabUpdate" (
    "id" BIGSERIAL NOT NULL,
    "docName" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollabUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Legislature_name_key" ON "Legislature"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ContactPoint_name_key" ON "ContactPoint"("name");

-- CreateIndex
CREATE INDEX "LegislatureContactPoint_contactPointId_idx" ON "LegislatureContactPoint"("contactPointId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_contactPointId_idx" ON "User"("contactPointId");

-- CreateIndex
CREATE INDEX "User_legislatureId_idx" ON "User"("legislatureId");

-- CreateIndex
CREATE UNIQUE INDEX "Draft_legislatureId_title_key" ON "Draft"("legislatureId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "DraftVersion_draftId_versionNo_key" ON "DraftVersion"("draftId", "versionNo");

-- CreateIndex
CREATE INDEX "Clause_draftVersionId_position_idx" ON "Clause"("draftVersionId", "position");

-- CreateIndex
CREATE INDEX "Clause_stableKey_idx" ON "Clause"("stableKey");

-- CreateIndex
CREATE UNIQUE INDEX "Clause_draftVersionId_path_key" ON "Clause"("draftVersionId", "path");

-- CreateIndex
CREATE UNIQUE INDEX "Consultation_publicToken_key" ON "Consultation"("publicToken");

-- CreateIndex
CREATE INDEX "Consultation_contactPointId_idx" ON "Consultation"("contactPointId");

-- CreateIndex
CREATE UNIQUE INDEX "Consultation_draftVersionId_contactPointId_key" ON "Consultation"("draftVersionId", "contactPointId");

-- CreateIndex
CREATE INDEX "Forum_consultationId_idx" ON "Forum"("consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_receiptNo_key" ON "Comment"("receiptNo");

-- CreateIndex
CREATE INDEX "Comment_consultationId_clauseId_idx" ON "Comment"("consultationId", "clauseId");

-- CreateIndex
CREATE INDEX "FeedbackReport_consultationId_idx" ON "FeedbackReport"("consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "Adoption_commentId_key" ON "Adoption"("commentId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "CollabUpdate_docName_id_idx" ON "CollabUpdate"("docName", "id");

-- AddForeignKey
ALTER TABLE "LegislatureContactPoint" ADD CONSTRAINT "LegislatureContactPoint_legislatureId_fkey" FOREIGN KEY ("legislatureId") REFERENCES "Legislature"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegislatureContactPoint" ADD CONSTRAINT "LegislatureContactPoint_contactPointId_fkey" FOREIGN KEY ("contactPointId") REFERENCES "ContactPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_legislatureId_fkey" FOREIGN KEY ("legislatureId") REFERENCES "Legislature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_contactPointId_fkey" FOREIGN KEY ("contactPointId") REFERENCES "ContactPoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_legislatureId_fkey" FOREIGN KEY ("legislatureId") REFERENCES "Legislature"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftVersion" ADD CONSTRAINT "DraftVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clause" ADD CONSTRAINT "Clause_draftVersionId_fkey" FOREIGN KEY ("draftVersionId") REFERENCES "DraftVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clause" ADD CONSTRAINT "Clause_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Clause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_draftVersionId_fkey" FOREIGN KEY ("draftVersionId") REFERENCES "DraftVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_contactPointId_fkey" FOREIGN KEY ("contactPointId") REFERENCES "ContactPoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Forum" ADD CONSTRAINT "Forum_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReport" ADD CONSTRAINT "FeedbackReport_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReport" ADD CONSTRAINT "FeedbackReport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_newClauseId_fkey" FOREIGN KEY ("newClauseId") REFERENCES "Clause"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabUpdate" ADD CONSTRAINT "CollabUpdate_docName_fkey" FOREIGN KEY ("docName") REFERENCES "CollabDocument"("name") ON DELETE CASCADE ON UPDATE CASCADE;

