-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "forumCardId" TEXT,
ADD COLUMN     "speakerId" TEXT;

-- AlterTable
ALTER TABLE "Forum" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "ForumAttendee" (
    "id" TEXT NOT NULL,
    "forumId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "occupation" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ForumAttendee_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ForumAttendee_forumId_idx" ON "ForumAttendee"("forumId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_forumId_forumCardId_key" ON "Comment"("forumId", "forumCardId");

-- AddForeignKey
ALTER TABLE "Forum" ADD CONSTRAINT "Forum_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Forum" ADD CONSTRAINT "Forum_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumAttendee" ADD CONSTRAINT "ForumAttendee_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "Forum"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumAttendee" ADD CONSTRAINT "ForumAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
