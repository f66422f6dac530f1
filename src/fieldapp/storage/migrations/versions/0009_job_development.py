"""job development: employer contacts and whom they were for, job leads, a participant's phase and referral date

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 09:55:07

Numbered 0009 to leave 0007 and 0008 to work done alongside; when those land first, down_revision is
re-chained after them (the tables here are new, and the two participant columns are nullable additions).
After 0007 the participants' checksums (kept with their clocks) are renewed with the new columns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fieldapp.storage.digest import checksums_follow
from fieldapp.storage.digest_v1 import FUNCTION_V1

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('employer_outreach',
    sa.Column('employer_id', sa.String(length=36), nullable=False),
    sa.Column('contact_date', sa.String(length=10), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('contact_person', sa.String(length=200), nullable=True),
    sa.Column('asked_for', sa.Text(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('next_step', sa.Text(), nullable=True),
    sa.Column('next_step_date', sa.String(length=10), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_employer_outreach_employer_id_employer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employer_outreach'))
    )
    with op.batch_alter_table('employer_outreach', schema=None) as batch_op:
        batch_op.create_index('ix_employer_outreach_contact_date', ['contact_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_employer_outreach_employer_id'), ['employer_id'], unique=False)

    op.create_table('outreach_for',
    sa.Column('outreach_id', sa.String(length=36), nullable=False),
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['outreach_id'], ['employer_outreach.id'], name=op.f('fk_outreach_for_outreach_id_employer_outreach')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_outreach_for_participant_id_participant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outreach_for'))
    )
    with op.batch_alter_table('outreach_for', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outreach_for_outreach_id'), ['outreach_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outreach_for_participant_id'), ['participant_id'], unique=False)

    op.create_table('job_lead',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('employer_id', sa.String(length=36), nullable=False),
    sa.Column('job_title', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('found_on', sa.String(length=10), nullable=True),
    sa.Column('applied_on', sa.String(length=10), nullable=True),
    sa.Column('interview_on', sa.String(length=10), nullable=True),
    sa.Column('decided_on', sa.String(length=10), nullable=True),
    sa.Column('outreach_id', sa.String(length=36), nullable=True),
    sa.Column('placement_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_job_lead_employer_id_employer')),
    sa.ForeignKeyConstraint(['outreach_id'], ['employer_outreach.id'], name=op.f('fk_job_lead_outreach_id_employer_outreach')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_job_lead_participant_id_participant')),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_job_lead_placement_id_placement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_lead'))
    )
    with op.batch_alter_table('job_lead', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_lead_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_lead_participant_id'), ['participant_id'], unique=False)

    with checksums_follow(op.get_bind(), 'participant', FUNCTION_V1), op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phase', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('referred_on', sa.String(length=10), nullable=True))



def downgrade() -> None:
    with checksums_follow(op.get_bind(), 'participant', FUNCTION_V1), op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('referred_on')
        batch_op.drop_column('phase')

    with op.batch_alter_table('job_lead', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_lead_participant_id'))
        batch_op.drop_index(batch_op.f('ix_job_lead_employer_id'))

    op.drop_table('job_lead')
    with op.batch_alter_table('outreach_for', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outreach_for_participant_id'))
        batch_op.drop_index(batch_op.f('ix_outreach_for_outreach_id'))

    op.drop_table('outreach_for')
    with op.batch_alter_table('employer_outreach', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employer_outreach_employer_id'))
        batch_op.drop_index('ix_employer_outreach_contact_date')

    op.drop_table('employer_outreach')
