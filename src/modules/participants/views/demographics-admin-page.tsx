import type { FormState, PageContext } from '../../../ui/page-context.js';
import { ErrorSummary, Form, Notice, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import { labelIn, type DemographicAttribute } from '../participants.table.js';

function labels(ctx: PageContext): Record<string, string> {
  return {
    key: ctx.t('participants:admin.key'),
    labelEn: ctx.t('participants:admin.labelEn'),
    labelDa: ctx.t('participants:admin.labelDa'),
  };
}

function DefinitionFields({ ctx, form }: { ctx: PageContext; form: FormState }): JSX.Element {
  return (
    <>
      <TextField
        form={form}
        name="key"
        maxlength={40}
        autocomplete="off"
        label={ctx.t('participants:admin.key')}
        hint={ctx.t('participants:admin.keyHint')}
      />
      <TextField form={form} name="labelEn" maxlength={100} label={ctx.t('participants:admin.labelEn')} />
      <TextField form={form} name="labelDa" maxlength={100} label={ctx.t('participants:admin.labelDa')} />
    </>
  );
}

/** The organization's attributes in order, with a form to add one. */
export function DemographicsAdminPage(props: {
  ctx: PageContext;
  attributes: DemographicAttribute[];
  form: FormState;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, attributes, form } = props;
  const t = ctx.t;
  return (
    <StaffLayout ctx={ctx} title={t('participants:admin.title')}>
      <h1 safe>{t('participants:admin.title')}</h1>
      <Notice text={props.notice} />
      <p class="lead" safe>
        {t('participants:admin.intro')}
      </p>
      <h2 safe>{t('participants:admin.attributes')}</h2>
      {attributes.length === 0 ? (
        <p safe>{t('participants:admin.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('participants:admin.key')}
              </th>
              <th scope="col" safe>
                {t('participants:admin.labelEn')}
              </th>
              <th scope="col" safe>
                {t('participants:admin.labelDa')}
              </th>
              <th scope="col" safe>
                {t('participants:admin.categories')}
              </th>
            </tr>
          </thead>
          <tbody>
            {attributes.map((a) => (
              <tr>
                <td>
                  <a href={`/staff/demographics/${a.id}`}>
                    <code safe>{a.key}</code>
                  </a>
                </td>
                <td safe>{a.labelEn}</td>
                <td safe>{a.labelDa}</td>
                <td safe>
                  {a.categories.length === 0
                    ? t('participants:admin.noCategories')
                    : a.categories.map((c) => labelIn(c, ctx.locale)).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 safe>{t('participants:admin.addAttribute')}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={labels(ctx)} />
      <Form ctx={ctx} action="/staff/demographics">
        <DefinitionFields ctx={ctx} form={form} />
        <button type="submit" class="button primary" safe>
          {t('participants:admin.addAttributeSubmit')}
        </button>
      </Form>
    </StaffLayout>
  );
}

/** One attribute's categories in order, with a form to add one. */
export function DemographicAttributePage(props: {
  ctx: PageContext;
  attribute: DemographicAttribute;
  form: FormState;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, attribute, form } = props;
  const t = ctx.t;
  const title = t('participants:admin.manage', { label: labelIn(attribute, ctx.locale) });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href="/staff/demographics" safe>
          {t('participants:admin.back')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      {attribute.categories.length === 0 ? (
        <p safe>{t('participants:admin.noCategories')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('participants:admin.key')}
              </th>
              <th scope="col" safe>
                {t('participants:admin.labelEn')}
              </th>
              <th scope="col" safe>
                {t('participants:admin.labelDa')}
              </th>
            </tr>
          </thead>
          <tbody>
            {attribute.categories.map((c) => (
              <tr>
                <td>
                  <code safe>{c.key}</code>
                </td>
                <td safe>{c.labelEn}</td>
                <td safe>{c.labelDa}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 safe>{t('participants:admin.addCategory')}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={labels(ctx)} />
      <Form ctx={ctx} action={`/staff/demographics/${attribute.id}/categories`}>
        <DefinitionFields ctx={ctx} form={form} />
        <button type="submit" class="button primary" safe>
          {t('participants:admin.addCategorySubmit')}
        </button>
      </Form>
    </StaffLayout>
  );
}
